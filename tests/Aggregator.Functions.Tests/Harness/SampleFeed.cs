namespace Aggregator.Functions.Tests.Harness;

/// <summary>One of the bundled sample feeds (samples/feeds), with the content type its site sends.</summary>
public sealed record SampleFeed(string Id, string File, string ContentType)
{
    public static readonly SampleFeed Weibo = new("weibo", "weibo-ai-researcher.xml", "application/rss+xml; charset=utf-8");

    /// <summary>Declared GBK in the XML only, as many Chinese sites do.</summary>
    public static readonly SampleFeed Csdn = new("csdn", "csdn-ai-notes-gbk.xml", "text/xml");

    public static readonly SampleFeed Arxiv = new("arxiv", "arxiv-cs-cl.rdf", "application/rdf+xml");

    public static IReadOnlyList<SampleFeed> All { get; } = [Weibo, Csdn, Arxiv];

    public string Path => "/" + File;
}
