using System.Collections.Concurrent;
using System.Text;

namespace Aggregator.Parsing.Encodings;

/// <summary>
/// Maps charset labels as found in the wild to the name we report and the decoder we use. The reported names follow
/// feedparser (gb2312/gbk → "gb18030"); the decoders follow browsers (iso-8859-1 and us-ascii → windows-1252, whose
/// extra characters are what such documents really contain).
/// </summary>
internal static class CharsetNames
{
    private static readonly ConcurrentDictionary<string, (string Name, Encoding Lenient, Encoding Strict)?> Cache =
        new(StringComparer.OrdinalIgnoreCase);

    static CharsetNames() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Resolves a label; false for labels no decoder here knows.</summary>
    public static bool TryResolve(string label, out string name, out Encoding lenient, out Encoding strict)
    {
        var resolved = Cache.GetOrAdd(label.Trim().Trim('"', '\'').Trim(), Resolve);
        (name, lenient, strict) = resolved ?? (string.Empty, Encoding.UTF8, Encoding.UTF8);
        return resolved is not null;
    }

    public static Encoding Lenient(string name) =>
        TryResolve(name, out _, out var lenient, out _) ? lenient : throw new ArgumentException($"Unknown charset '{name}'.", nameof(name));

    public static Encoding Strict(string name) =>
        TryResolve(name, out _, out _, out var strict) ? strict : throw new ArgumentException($"Unknown charset '{name}'.", nameof(name));

    private static (string, Encoding, Encoding)? Resolve(string label)
    {
        var (name, codePage) = label.ToLowerInvariant() switch
        {
            "utf-8" or "utf8" or "unicode-1-1-utf-8" or "x-unicode20utf8" => ("utf-8", 65001),
            "utf-16le" => ("utf-16le", 1200),
            "utf-16be" => ("utf-16be", 1201),
            "utf-16" or "unicode" or "ucs-2" => ("utf-16le", 1200),
            "utf-32le" => ("utf-32le", 12000),
            "utf-32be" => ("utf-32be", 12001),
            "utf-32" or "ucs-4" => ("utf-32le", 12000),
            "gb2312" or "gbk" or "gb18030" or "x-gbk" or "cp936" or "windows-936" or "ms936" or "euc-cn" or "csgb2312"
                or "chinese" or "gb_2312-80" or "iso-ir-58" or "csgb231280" or "csiso58gb231280" => ("gb18030", 54936),
            "big5" or "big5-hkscs" or "cn-big5" or "x-x-big5" or "csbig5" or "cp950" => ("big5", 950),
            "shift_jis" or "shift-jis" or "sjis" or "x-sjis" or "ms_kanji" or "windows-31j" or "cp932" or "csshiftjis"
                => ("shift_jis", 932),
            "euc-jp" or "x-euc-jp" or "cseucpkdfmtjapanese" => ("euc-jp", 51932),
            "euc-kr" or "ks_c_5601-1987" or "ks_c_5601" or "cp949" or "windows-949" or "ksc5601" or "cseuckr"
                or "korean" => ("euc-kr", 949),
            "us-ascii" or "ascii" or "ansi_x3.4-1968" or "us" => ("us-ascii", 1252),
            "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "iso_8859-1" or "cp819" => ("iso-8859-1", 1252),
            "windows-1252" or "cp1252" or "x-cp1252" => ("windows-1252", 1252),
            "tis-620" or "windows-874" or "iso-8859-11" or "cp874" => (label.ToLowerInvariant() == "windows-874" ? "windows-874" : "tis-620", 874),
            "koi8-r" or "koi8r" or "cskoi8r" => ("koi8-r", 20866),
            _ => (label.ToLowerInvariant(), 0),
        };

        try
        {
            var lenient = codePage == 0 ? Encoding.GetEncoding(label) : Encoding.GetEncoding(codePage);
            var strict = Encoding.GetEncoding(lenient.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return (name, lenient, strict);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when the bytes decode without a single invalid sequence.</summary>
    public static bool DecodesCleanly(Encoding strict, ReadOnlySpan<byte> bytes)
    {
        if (strict.CodePage == 65001)
        {
            return System.Text.Unicode.Utf8.IsValid(bytes);
        }

        try
        {
            strict.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
