namespace Aggregator.Parsing.Text;

/// <summary>
/// Documents transcoded from windows-1252 as if it were ISO-8859-1 carry C1 controls (U+0080–U+009F) where curly
/// quotes, dashes and the euro sign were meant; feedparser and browsers show the intended characters, and so do we.
/// </summary>
internal static class WindowsControlCharacters
{
    private const string Windows1252 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    public static string Replace(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0080', '\u009F'))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '\u0080' and <= '\u009F' ? Windows1252[c - 0x80] : c;
            }
        });
    }
}
