using System.Buffers;

namespace Aggregator.Parsing.Xml;

/// <summary>The four whitespace bytes XML allows between markup.</summary>
internal static class AsciiWhitespace
{
    public static readonly SearchValues<byte> Bytes = SearchValues.Create(" \t\r\n"u8);
}
