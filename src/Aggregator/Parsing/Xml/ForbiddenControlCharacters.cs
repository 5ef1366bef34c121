using System.Buffers;
using System.Text;

namespace Aggregator.Parsing.Xml;

/// <summary>
/// The C0 controls XML 1.0 forbids even as raw text (all of U+0000–U+001F but tab, line feed and carriage return).
/// Scraped and pasted text carries them (Word's manual line break is U+000B); one of them stops XmlReader, which would
/// cost the item it sits in and every item after it, so they are taken out before the repaired pass.
/// </summary>
internal static class ForbiddenControlCharacters
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>
    /// The text without them: vertical tab and form feed become a space, since they separate words wherever they
    /// occur; the others are dropped. <paramref name="removed"/> counts both.
    /// </summary>
    public static string Remove(string text, out int removed)
    {
        removed = 0;
        var next = text.AsSpan().IndexOfAny(Forbidden);
        if (next < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (next >= 0)
        {
            var at = copied + next;
            builder.Append(text, copied, next);
            if (text[at] is '\u000B' or '\u000C')
            {
                builder.Append(' ');
            }

            removed++;
            copied = at + 1;
            next = text.AsSpan(copied).IndexOfAny(Forbidden);
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }
}
