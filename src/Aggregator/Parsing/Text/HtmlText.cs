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
            builder.Append(c switch { '<' => "&lt;", '>' => "&gt;", '&' => "&amp;", _ => c.ToString() });
        }

        return builder.ToString();
    }
}
