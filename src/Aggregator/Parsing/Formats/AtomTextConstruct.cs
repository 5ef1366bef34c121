using System.Text;
using System.Xml;
using Aggregator.Parsing.Text;
using Aggregator.Parsing.Xml;

namespace Aggregator.Parsing.Formats;

/// <summary>
/// An Atom text construct (title, subtitle, summary, content, rights): type="text|html|xhtml" in Atom 1.0, MIME
/// types and mode="xml|escaped|base64" in Atom 0.3. The value is HTML when <see cref="IsHtml"/>, else plain text.
/// </summary>
internal readonly record struct AtomTextConstruct(string Value, bool IsHtml)
{
    public static AtomTextConstruct Read(XmlReader reader, bool atom10)
    {
        var type = reader.GetAttribute("type")?.Trim().ToLowerInvariant() ?? string.Empty;
        var mode = reader.GetAttribute("mode")?.Trim().ToLowerInvariant();
        var xhtml = type is "xhtml" or "application/xhtml+xml" || !atom10 && mode is null or "xml" && type.Contains("xml", StringComparison.Ordinal);
        var html = type is "html" or "text/html";

        // RFC 4287 §4.1.3.3: any other MIME type that is neither text nor XML is base64.
        var base64 = mode == "base64" || atom10 && type.Contains('/', StringComparison.Ordinal) && !type.StartsWith("text/", StringComparison.Ordinal)
            && !type.EndsWith("xml", StringComparison.Ordinal);
        if (base64)
        {
            var decoded = DecodeBase64(XmlContentReader.ReadText(reader));
            return new AtomTextConstruct(decoded, html || xhtml || atom10 || decoded.Contains('<', StringComparison.Ordinal));
        }

        if (xhtml)
        {
            var markup = XmlContentReader.ReadInnerMarkup(reader);
            return new AtomTextConstruct(atom10 ? UnwrapDiv(markup) : markup.Trim(), IsHtml: true);
        }

        var text = XmlContentReader.ReadText(reader, out var sawMarkup);
        return new AtomTextConstruct(text, html || sawMarkup || mode == "escaped" && type != "text/plain");
    }

    public string ToPlainText() => (IsHtml ? PlainText.FromHtml(Value) : PlainText.Collapse(Value)) ?? string.Empty;

    public string ToHtml(Uri? baseUri) => IsHtml ? UrlResolver.ResolveInHtml(Value, baseUri) ?? string.Empty : HtmlText.FromPlainText(Value);

    /// <summary>Atom 1.0 wraps xhtml content in one &lt;div&gt; that is not part of the content.</summary>
    private static string UnwrapDiv(string markup)
    {
        var trimmed = markup.AsSpan().Trim();
        if (!trimmed.StartsWith("<div") || !trimmed.EndsWith("</div>"))
        {
            return trimmed.ToString();
        }

        var open = trimmed.IndexOf('>');
        if (open < 0 || trimmed[open - 1] == '/')
        {
            return string.Empty;
        }

        return trimmed[(open + 1)..^"</div>".Length].ToString();
    }

    private static string DecodeBase64(string text)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.Trim()));
        }
        catch (FormatException)
        {
            return text;
        }
    }
}
