using System.Text;

namespace Aggregator.Extraction;

/// <summary>Plain text as a reader sees it: one line per block, whitespace collapsed, preformatted text kept.</summary>
internal sealed class PlainTextBuilder
{
    private readonly StringBuilder builder = new();

    public void Append(string text, bool preformatted)
    {
        if (preformatted)
        {
            builder.Append(text);
            return;
        }

        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] is not (' ' or '\n'))
            {
                builder.Append(' ');
            }
        }
    }

    public void LineBreak() => builder.Append('\n');

    public void Space()
    {
        if (builder.Length > 0 && builder[^1] is not (' ' or '\n'))
        {
            builder.Append(' ');
        }
    }

    public override string ToString() =>
        string.Join('\n', builder.ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}
