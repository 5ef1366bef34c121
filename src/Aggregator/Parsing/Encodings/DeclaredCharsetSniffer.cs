using System.Text;
using System.Text.RegularExpressions;

namespace Aggregator.Parsing.Encodings;

/// <summary>Finds the charset a document declares about itself: the XML declaration, or an HTML meta tag.</summary>
internal static partial class DeclaredCharsetSniffer
{
    private const int HtmlPrescanBytes = 4096;

    public static string? FromXmlDeclaration(ReadOnlySpan<byte> bytes)
    {
        // The declaration must come first; tolerate leading whitespace and junk only within the first few hundred bytes.
        var head = Latin1(bytes[..Math.Min(bytes.Length, 512)]);
        var match = XmlDeclarationEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    public static string? FromHtmlMeta(ReadOnlySpan<byte> bytes)
    {
        var head = Latin1(bytes[..Math.Min(bytes.Length, HtmlPrescanBytes)]);
        var match = HtmlMetaCharset().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string Latin1(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    [GeneratedRegex("""^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclarationEncoding();

    [GeneratedRegex("""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlMetaCharset();
}
