namespace Aggregator.Papers;

/// <summary>
/// Reads a paper's fields from the blocks of its section: authors ("Authors:"/"作者："), abstract ("Abstract:"/"摘要"
/// label, or the long English paragraph right after the author line), ready summary ("Summary:"/"总结："/"AI 摘要"),
/// code repositories and identifying links.
/// </summary>
internal static class SectionFields
{
    private const int MinAbstractChars = 200;
    private const int MaxSummaryBlocks = 3;
    private const int MinSummaryBlockChars = 25;

    public static IReadOnlyList<string> Authors(IReadOnlyList<PostBlock> blocks, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var (label, value) = PostLabels.Read(blocks[i].Text);
            if (label == PostLabel.Authors)
            {
                var text = value.Length > 0 ? value : i + 1 < end ? blocks[i + 1].Text : "";
                return PostLabels.SplitAuthors(text);
            }
        }

        return [];
    }

    public static string? Abstract(IReadOnlyList<PostBlock> blocks, int start, int end)
    {
        var afterAuthors = -1;
        for (var i = start; i < end; i++)
        {
            var (label, value) = PostLabels.Read(blocks[i].Text);
            if (label == PostLabel.Abstract)
            {
                return value.Length > 0 ? value : FirstParagraph(blocks, i + 1, end);
            }

            if (label == PostLabel.Authors && afterAuthors < 0)
            {
                afterAuthors = i + 1;
            }
        }

        // The digest pattern: title, author line, then the English abstract without a label.
        if (afterAuthors >= 0 && afterAuthors < end)
        {
            var text = blocks[afterAuthors].Text;
            if (text.Length >= MinAbstractChars && TitleHeuristics.IsMostlyLatin(text)
                && PostLabels.Read(text).Label == PostLabel.None)
            {
                return text;
            }
        }

        return null;
    }

    public static string? ReadySummary(IReadOnlyList<PostBlock> blocks, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var (label, value) = PostLabels.Read(blocks[i].Text);
            if (label != PostLabel.Summary)
            {
                continue;
            }

            if (value.Length > 0)
            {
                return value;
            }

            var parts = new List<string>();
            for (var j = i + 1; j < end && parts.Count < MaxSummaryBlocks; j++)
            {
                var block = blocks[j];
                if (block.Kind == PostBlockKind.Heading || PostLabels.Read(block.Text).Label != PostLabel.None
                    || block.Text.Length < MinSummaryBlockChars || PostLabels.StartsWithLabel(block.Text))
                {
                    break;
                }

                parts.Add(block.Text);
            }

            if (parts.Count > 0)
            {
                return string.Join("\n", parts);
            }
        }

        return null;
    }

    public static IReadOnlyList<string> CodeUrls(IReadOnlyList<PostBlock> blocks, int start, int end, Uri? postBase) =>
        blocks.Skip(start).Take(end - start)
            .SelectMany(b => b.Links)
            .Select(l => CodeRepositoryLinks.RepositoryRoot(RedirectUnwrapper.Unwrap(l.Url), postBase))
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>Links to the paper's own pages (a PDF, including a collection's local copy).</summary>
    public static IEnumerable<string> PdfLinks(IReadOnlyList<PostBlock> blocks, int start, int end) =>
        blocks.Skip(start).Take(end - start)
            .SelectMany(b => b.Links)
            .Select(l => RedirectUnwrapper.Unwrap(l.Url))
            .Where(u => Uri.TryCreate(u, UriKind.Absolute, out var uri)
                        && uri.AbsolutePath.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase));

    public static string Context(IReadOnlyList<PostBlock> blocks, int start, int end, int maxChars)
    {
        var text = string.Join("\n", blocks.Skip(start).Take(end - start).Select(b => b.Text).Where(t => t.Length > 0));
        return text.Length <= maxChars ? text : text[..maxChars];
    }

    private static string? FirstParagraph(IReadOnlyList<PostBlock> blocks, int from, int end)
    {
        for (var i = from; i < end; i++)
        {
            if (blocks[i].Kind == PostBlockKind.Heading)
            {
                return null;
            }

            if (blocks[i].Text.Length > 0)
            {
                return blocks[i].Text;
            }
        }

        return null;
    }
}
