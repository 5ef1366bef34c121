namespace Aggregator.Parsing.Encodings;

/// <summary>
/// Turns document bytes into text the way feed readers and browsers do. Precedence: forced encoding → HTTP
/// Content-Type charset (with RFC 3023's us-ascii default for text/*+xml) → byte-order mark → XML declaration or HTML
/// <c>&lt;meta charset&gt;</c> → valid UTF-8 → a statistical guess among GB18030, Big5, Shift_JIS, EUC-KR, KOI8-R,
/// windows-1251/1255, TIS-620 and windows-1252. GBK and GB2312 decode as GB18030 (its superset); ISO-8859-1 and
/// US-ASCII decode as windows-1252, as browsers do. A declared charset the bytes do not fit is skipped with a warning, and
/// so is a declared single-byte charset (which fits any bytes) when the bytes are non-ASCII and valid UTF-8. UTF-8 with a
/// few invalid sequences among many valid characters stays UTF-8, the invalid ones becoming U+FFFD, with a warning.
/// </summary>
public static class TextDecoder
{
    public static DecodedText Decode(
        ReadOnlySpan<byte> bytes, string? contentType, string? forcedEncoding = null, DocumentKind kind = DocumentKind.Xml)
    {
        var choice = EncodingSniffer.Choose(bytes, contentType, forcedEncoding, kind);
        var text = choice.Encoding.GetString(bytes[choice.PreambleLength..]);
        return new DecodedText(text, choice.Name, choice.Warnings);
    }
}
