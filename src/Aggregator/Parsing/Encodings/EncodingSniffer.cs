namespace Aggregator.Parsing.Encodings;

/// <summary>Decides a document's encoding without decoding it (see <see cref="TextDecoder"/> for the precedence).</summary>
internal static class EncodingSniffer
{
    public static EncodingChoice Choose(ReadOnlySpan<byte> bytes, string? contentType, string? forcedEncoding, DocumentKind kind)
    {
        var warnings = new List<string>();
        var bom = ByteOrderMark.Detect(bytes);
        var preamble = bom?.Length ?? 0;
        var body = bytes[preamble..];

        if (!string.IsNullOrWhiteSpace(forcedEncoding))
        {
            if (CharsetNames.TryResolve(forcedEncoding, out var name, out var lenient, out _))
            {
                return new EncodingChoice(name, lenient, preamble, warnings);
            }

            warnings.Add($"The configured encoding '{forcedEncoding}' is unknown; detecting instead.");
        }

        var header = ContentTypeHeader.Parse(contentType);
        if (header.MediaType == "text/plain")
        {
            warnings.Add("The document was served as text/plain, not as a feed media type.");
        }

        if (header.Charset is not null)
        {
            if (TryDeclared(header.Charset, "HTTP Content-Type charset", body, preamble, warnings) is { } fromHeader)
            {
                return fromHeader;
            }
        }
        else if (kind == DocumentKind.Xml && header.IsTextXml)
        {
            // RFC 3023, as feedparser applies it. Only cheap to honour while the bytes really are ASCII; otherwise the
            // header is wrong in the way most servers are wrong, and the document's own declaration is the better bet.
            if (!body.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
            {
                return new EncodingChoice("us-ascii", CharsetNames.Lenient("us-ascii"), preamble, warnings);
            }

            warnings.Add($"Served as {header.MediaType} without charset (us-ascii by RFC 3023) but the document is not ASCII.");
        }

        if (bom is { } mark)
        {
            return new EncodingChoice(mark.Name, CharsetNames.Lenient(mark.Name), preamble, warnings);
        }

        if (kind == DocumentKind.Xml && ByteOrderMark.DetectXmlWidth(bytes) is { } wide)
        {
            return new EncodingChoice(wide, CharsetNames.Lenient(wide), 0, warnings);
        }

        var declared = kind switch
        {
            DocumentKind.Xml => DeclaredCharsetSniffer.FromXmlDeclaration(bytes),
            DocumentKind.Html => DeclaredCharsetSniffer.FromHtmlMeta(bytes),
            _ => null,
        };
        if (declared is not null && !declared.StartsWith("utf-16", StringComparison.OrdinalIgnoreCase)
            && !declared.StartsWith("utf-32", StringComparison.OrdinalIgnoreCase)
            && TryDeclared(declared, "declared encoding", body, 0, warnings) is { } fromDocument)
        {
            return fromDocument;
        }

        if (System.Text.Unicode.Utf8.IsValid(body))
        {
            return new EncodingChoice("utf-8", CharsetNames.Lenient("utf-8"), preamble, warnings);
        }

        if (Utf8Evidence.Of(body) is { IsDamagedUtf8: true } evidence)
        {
            warnings.Add($"The bytes are UTF-8 but for {evidence.InvalidSequences} invalid UTF-8 sequences, decoded as U+FFFD.");
            return new EncodingChoice("utf-8", CharsetNames.Lenient("utf-8"), preamble, warnings);
        }

        var guess = LegacyEncodingGuesser.Guess(body);
        warnings.Add($"No usable charset declared and the bytes are not UTF-8; guessed {guess}.");
        return new EncodingChoice(guess, CharsetNames.Lenient(guess), preamble, warnings);
    }

    private static EncodingChoice? TryDeclared(string label, string source, ReadOnlySpan<byte> body, int preamble, List<string> warnings)
    {
        if (!CharsetNames.TryResolve(label, out var name, out var lenient, out var strict))
        {
            warnings.Add($"The {source} '{label}' is not a known charset.");
            return null;
        }

        if (lenient.IsSingleByte)
        {
            // A single-byte charset reads any bytes, so naming one proves little; non-ASCII bytes that are valid UTF-8
            // prove much more, and reading them as Latin-1 would store mojibake.
            if (Utf8Evidence.IsNonAsciiUtf8(body))
            {
                warnings.Add($"The {source} '{label}' does not fit the bytes, which are valid UTF-8 and would read as mojibake; ignored.");
                return null;
            }

            // us-ascii decodes as windows-1252, like iso-8859-1: a page that says ASCII and is not is Western text.
            if (name == "us-ascii" || CharsetNames.DecodesCleanly(strict, body))
            {
                return new EncodingChoice(name, lenient, preamble, warnings);
            }
        }
        else if (CharsetNames.DecodesCleanly(strict, body))
        {
            return new EncodingChoice(name, lenient, preamble, warnings);
        }
        else if (name == "utf-8" && Utf8Evidence.Of(body) is { IsDamagedUtf8: true } evidence)
        {
            warnings.Add($"The {source} '{label}' fits the bytes but for {evidence.InvalidSequences} invalid UTF-8 sequences, decoded as U+FFFD.");
            return new EncodingChoice(name, lenient, preamble, warnings);
        }

        warnings.Add($"The {source} '{label}' does not fit the bytes; ignored.");
        return null;
    }
}
