using System.Diagnostics;
using System.Text;
using Aggregator.Parsing;
using Aggregator.Testing.Http;

namespace Aggregator.Tests.Parsing;

public sealed class FeedReaderSecurityTests
{
    [Fact]
    public void Read_BillionLaughs_ExpandsNothing()
    {
        var feed = ParsingFixtures.ReadXml("""
            <?xml version="1.0"?>
            <!DOCTYPE rss [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <rss version="2.0"><channel><title>&lol9;</title><item><title>safe</title></item></channel></rss>
            """);

        Assert.Equal("&lol9;", feed.Title);
        Assert.Equal("safe", feed.Items[0].Title);
    }

    [Fact]
    public void Read_QuadraticBlowup_ExpandsNothing()
    {
        // No nesting this time: one 50,000-character entity referenced 10,000 times would be 500 million characters.
        var entity = new string('a', 50_000);
        var references = string.Concat(Enumerable.Repeat("&a;", 10_000));
        var stopwatch = Stopwatch.StartNew();

        var feed = ParsingFixtures.ReadXml($"""
            <?xml version="1.0"?>
            <!DOCTYPE rss [ <!ENTITY a "{entity}"> ]>
            <rss version="2.0"><channel><title>t</title><item><title>safe</title><description>{references}</description></item></channel></rss>
            """);

        Assert.Equal(references, feed.Items[0].Description);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"Parsing took {stopwatch.Elapsed}.");
    }

    [Fact]
    public void Read_ExternalEntityToLocalFile_NeverReadsTheFile()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var feed = ParsingFixtures.ReadXml($"""
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
                <rss version="2.0"><channel><title>t &xxe;</title><item><description>&xxe;</description></item></channel></rss>
                """);

            Assert.DoesNotContain("TOP-SECRET", Serialize(feed), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task Read_ExternalEntityAndDtdOverHttp_NeverContactsTheServer()
    {
        await using var server = await LoopbackServer.StartAsync();
        // Were anything fetched, these would put their marker into the feed as well as into the server's log.
        server.Map("/evil.dtd", LoopbackResponse.Text("<!ENTITY injected \"FETCHED-DTD\">", "application/xml-dtd"));
        server.Map("/p.dtd", LoopbackResponse.Text("<!ENTITY injected \"FETCHED-PARAMETER-ENTITY\">", "application/xml-dtd"));
        server.Map("/secret", LoopbackResponse.Text("FETCHED-SECRET"));

        var stopwatch = Stopwatch.StartNew();
        var feed = ParsingFixtures.ReadXml($"""
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "{server.Url("/evil.dtd")}" [ <!ENTITY xxe SYSTEM "{server.Url("/secret")}"> <!ENTITY % p SYSTEM "{server.Url("/p.dtd")}"> %p; ]>
            <rss version="2.0"><channel><title>t &xxe;</title><item><title>&injected;</title><description>&xxe;</description></item></channel></rss>
            """);
        stopwatch.Stop();

        // A request the parser started would have arrived long before the parse returned; wait a little all the same.
        await Task.Delay(200);
        Assert.Empty(server.Requests);
        Assert.DoesNotContain("FETCHED", Serialize(feed), StringComparison.Ordinal);
        Assert.Equal("t &xxe;", feed.Title);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"Parsing took {stopwatch.Elapsed}.");
    }

    [Fact]
    public void Read_TenThousandItems_ReadsThemAll()
    {
        var feed = new FeedReader().Read(LargeRss(10_000));

        Assert.Equal(10_000, feed.Items.Count);
        Assert.Equal("item 9999", feed.Items[^1].Title);
        Assert.Empty(feed.Warnings);
    }

    [Fact]
    public void Read_MoreItemsThanMaxItems_DropsTheRestWithWarning()
    {
        var feed = new FeedReader().Read(LargeRss(50), new FeedReadOptions { MaxItems = 20 });

        Assert.Equal(20, feed.Items.Count);
        Assert.Contains(feed.Warnings, w => w.Contains("50 items", StringComparison.Ordinal) && w.Contains("20", StringComparison.Ordinal));
    }

    private static byte[] LargeRss(int items)
    {
        var builder = new StringBuilder("<rss version=\"2.0\"><channel><title>big</title>");
        for (var i = 0; i < items; i++)
        {
            builder.Append($"<item><title>item {i}</title><link>https://example.org/{i}</link><description>&lt;p&gt;text {i}&lt;/p&gt;</description></item>");
        }

        return Encoding.UTF8.GetBytes(builder.Append("</channel></rss>").ToString());
    }

    private static string Serialize(Feed feed) =>
        string.Join("\n", new[] { feed.Title, feed.Description }.Concat(feed.Items.SelectMany(i => new[] { i.Title, i.Description, i.Content })));
}
