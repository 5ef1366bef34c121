using System.Text;

namespace Aggregator.Testing.Extraction;

/// <summary>
/// Hand labels for one page: article sentences that extraction must keep and junk lines (headline lists, comments,
/// sidebars) that must not leak. Sidecar format: "[keep]" and "[junk]" sections, one line each, '#' starts a comment.
/// </summary>
public sealed record ExtractionLabels(IReadOnlyList<string> Keep, IReadOnlyList<string> Junk)
{
    public static ExtractionLabels Load(string path)
    {
        var keep = new List<string>();
        var junk = new List<string>();
        List<string>? section = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            section = line switch
            {
                "[keep]" => keep,
                "[junk]" => junk,
                _ => section,
            };
            if (line is not ("[keep]" or "[junk]"))
            {
                (section ?? throw new InvalidDataException($"{path}: line before a [keep] or [junk] section: {line}")).Add(line);
            }
        }

        return new ExtractionLabels(keep, junk);
    }

    /// <summary>Compares with whitespace removed, so line breaks between blocks and inline runs do not matter.</summary>
    public ExtractionScore Score(string text)
    {
        var compact = Compact(text);
        var missing = Keep.Where(k => !compact.Contains(Compact(k), StringComparison.Ordinal)).ToList();
        var leaked = Junk.Where(j => compact.Contains(Compact(j), StringComparison.Ordinal)).ToList();
        return new ExtractionScore(Keep.Count - missing.Count, Keep.Count, leaked.Count, Junk.Count, missing, leaked);
    }

    private static string Compact(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
