using System.Xml;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Formats;

/// <summary>
/// RSS 1.0 and 0.90 (root &lt;rdf:RDF&gt;): the channel and its items are siblings, and the channel's empty
/// &lt;items&gt; sequence only lists them. Element vocabulary is shared with <see cref="RssParser"/>.
/// </summary>
internal static class RdfParser
{
    public static void ReadRdf(XmlReader reader, FeedBuilder feed, Uri? baseUri)
    {
        feed.Type = FeedType.Rss_1_0;
        RssParser.ReadChildrenOfRoot(reader, feed, baseUri);
    }

    public static bool IsRdfRoot(XmlReader reader) => reader.LocalName == "RDF" && reader.NamespaceURI == XmlNames.Rdf;
}
