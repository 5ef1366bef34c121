using System.Text;

namespace Aggregator.Publishing;

/// <summary>
/// Escapes text and attribute values for the HTML the feeds carry. Only the five markup characters are escaped, so Chinese
/// text and emoji stay readable in the feed source (the payload is UTF-8 throughout).
/// </summary>
internal static class HtmlText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>An http(s) link safe to put in href; anything else (javascript:, data:) becomes null.</summary>
    public static string? SafeHref(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri.AbsoluteUri
            : null;

    /// <summary>An anchor for <paramref name="url"/> with escaped text, or just the text when the URL is unusable.</summary>
    public static string Link(string? url, string text)
    {
        var href = SafeHref(url);
        return href is null ? Escape(text) : $"<a href=\"{Escape(href)}\">{Escape(text)}</a>";
    }
}
