using System.Text;

namespace Aggregator.Tests.Ingestion;

internal static class GeneratedFeeds
{
    /// <summary>An RSS 2.0 feed of <paramref name="items"/> distinct items.</summary>
    public static string Rss(int items)
    {
        var xml = new StringBuilder("""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Many</title><link>https://many.example/</link>""");
        for (var i = 0; i < items; i++)
        {
            xml.Append(Item(i));
        }

        return xml.Append("</channel></rss>").ToString();
    }

    private static string Item(int i) =>
        $"<item><title>Item {i}</title><link>https://many.example/{i}</link><guid>many-{i}</guid>" +
        $"<description>Post number {i} says something different from every other: {i * 7919 % 104729} {Guid.NewGuid()}.</description></item>";
}
