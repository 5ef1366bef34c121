using System.Buffers;
using System.Text;

namespace Aggregator.Parsing.Encodings;

/// <summary>
/// What bytes that are not all valid UTF-8 still say for UTF-8: how many multi-byte characters decode and how many
/// sequences do not. Legacy text forms a valid multi-byte sequence only now and then by chance (GBK, Big5, Shift_JIS
/// and EUC-KR text: one for every 4–7 invalid ones; Latin-1 and Cyrillic text: almost none), so valid characters
/// outnumbering invalid sequences several times over mean UTF-8 with a few damaged bytes, not another encoding.
/// </summary>
internal readonly record struct Utf8Evidence(int MultiByteCharacters, int InvalidSequences)
{
    private const int ValidPerInvalid = 3;

    public bool IsDamagedUtf8 => InvalidSequences > 0 && MultiByteCharacters >= ValidPerInvalid * InvalidSequences;

    public static Utf8Evidence Of(ReadOnlySpan<byte> bytes)
    {
        int multiByte = 0, invalid = 0;
        while (true)
        {
            var next = bytes.IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (next < 0)
            {
                return new Utf8Evidence(multiByte, invalid);
            }

            bytes = bytes[next..];
            if (Rune.DecodeFromUtf8(bytes, out _, out var consumed) == OperationStatus.Done)
            {
                multiByte++;
            }
            else
            {
                invalid++;
            }

            bytes = bytes[consumed..];
        }
    }

    /// <summary>
    /// Non-ASCII bytes that are all valid UTF-8: strong evidence, since text in any other encoding almost never is.
    /// ASCII alone is valid in every charset here and so says nothing.
    /// </summary>
    public static bool IsNonAsciiUtf8(ReadOnlySpan<byte> bytes) =>
        bytes.ContainsAnyExceptInRange((byte)0, (byte)0x7F) && System.Text.Unicode.Utf8.IsValid(bytes);
}
