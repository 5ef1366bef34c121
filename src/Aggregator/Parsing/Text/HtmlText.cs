using System.Text;

namespace Aggregator.Parsing.Text;

/// <summary>Turns plain text into HTML that shows the same text (only the three characters HTML needs escaped).</summary>
internal static class HtmlText
{
    public static string FromPlainText(string text)
    {
        if (text.AsSpan().IndexOfAny('<', '>', '&') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '<' => builder.Append("&lt;"),
                '>' => builder.Append("&gt;"),
                '&' => builder.Append("&amp;"),
                _ => builder.Append(c),
            };
        }

        return builder.ToString();
    }
}
