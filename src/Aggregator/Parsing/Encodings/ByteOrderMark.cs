namespace Aggregator.Parsing.Encodings;

/// <summary>Unicode byte-order marks, and the BOM-less "&lt;?" byte patterns XML 1.0 Appendix F lists.</summary>
internal static class ByteOrderMark
{
    public static (string Name, int Length)? Detect(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => ("utf-8", 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => ("utf-32le", 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => ("utf-32be", 4),
        [0xFF, 0xFE, ..] => ("utf-16le", 2),
        [0xFE, 0xFF, ..] => ("utf-16be", 2),
        _ => null,
    };

    /// <summary>A UTF-16/32 document without BOM still starts with '&lt;', whose zero bytes give the width and order away.</summary>
    public static string? DetectXmlWidth(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0x00, 0x00, 0x00, 0x3C, ..] => "utf-32be",
        [0x3C, 0x00, 0x00, 0x00, ..] => "utf-32le",
        [0x00, 0x3C, 0x00, _, ..] => "utf-16be",
        [0x3C, 0x00, _, 0x00, ..] => "utf-16le",
        _ => null,
    };
}
