using System.Text;

namespace Aggregator.Publishing;

/// <summary>
/// Removes what XML 1.0 cannot carry (C0 controls other than tab/LF/CR, lone surrogates, U+FFFE and U+FFFF). Escaping
/// cannot save them — a reader rejects the whole feed — so they are dropped; the same text is used in JSON too so all
/// formats agree.
/// </summary>
internal static class XmlCharacters
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var firstBad = FirstInvalid(text);
        if (firstBad < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (IsAllowedSingle(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsAllowedSingle(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsAllowedSingle(char c) =>
        c switch
        {
            '\t' or '\n' or '\r' => true,
            < '\u0020' => false,
            >= '\uD800' and <= '\uDFFF' => false,
            '\uFFFE' or '\uFFFF' => false,
            _ => true,
        };
}
