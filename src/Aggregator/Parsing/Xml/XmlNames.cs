namespace Aggregator.Parsing.Xml;

/// <summary>Namespace URIs of the vocabularies feeds mix in.</summary>
internal static class XmlNames
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Atom03 = "http://purl.org/atom/ns#";
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string DublinCore = "http://purl.org/dc/elements/1.1/";
    public const string DublinCoreTerms = "http://purl.org/dc/terms/";
    public const string Content = "http://purl.org/rss/1.0/modules/content/";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";
    public const string Syndication = "http://purl.org/rss/1.0/modules/syndication/";
    public const string Media = "http://search.yahoo.com/mrss/";
    public const string ITunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    /// <summary>Prefixes that broken feeds use without declaring them, with the namespace they always mean.</summary>
    public static readonly IReadOnlyDictionary<string, string> WellKnownPrefixes = new Dictionary<string, string>
    {
        ["dc"] = DublinCore,
        ["dcterms"] = DublinCoreTerms,
        ["content"] = Content,
        ["atom"] = Atom10,
        ["rdf"] = Rdf,
        ["xhtml"] = Xhtml,
        ["sy"] = Syndication,
        ["media"] = Media,
        ["itunes"] = ITunes,
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
    };
}
