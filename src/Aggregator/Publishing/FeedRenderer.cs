using System.Buffers;

namespace Aggregator.Publishing;

/// <summary>Renders a <see cref="FeedDocument"/> in the requested format into UTF-8 bytes.</summary>
internal static class FeedRenderer
{
    public static string ContentType(FeedFormat format) =>
        format switch
        {
            FeedFormat.Atom => "application/atom+xml; charset=utf-8",
            FeedFormat.Json => "application/feed+json; charset=utf-8",
            _ => "application/rss+xml; charset=utf-8",
        };

    public static byte[] Render(FeedDocument feed, FeedFormat format)
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        switch (format)
        {
            case FeedFormat.Atom:
                AtomFeedWriter.Write(feed, buffer);
                break;
            case FeedFormat.Json:
                JsonFeedWriter.Write(feed, buffer);
                break;
            default:
                RssFeedWriter.Write(feed, buffer);
                break;
        }

        return buffer.WrittenSpan.ToArray();
    }
}
