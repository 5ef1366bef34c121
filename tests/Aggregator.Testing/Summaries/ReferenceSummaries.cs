namespace Aggregator.Testing.Summaries;

/// <summary>
/// Texts with a human reference summary, for the summaries benchmark and tests: the committed fixtures
/// (tests/Aggregator.Tests/Summaries/testdata, "Title:", "Reference:", "---", then the text) and the per-paper
/// "Summary" sections of the shared ChatPaper digest sample (input: the paper's Chinese translation).
/// </summary>
public static class ReferenceSummaries
{
    public static string FixtureFolder => Paths.RepositoryPaths.InRoot("tests", "Aggregator.Tests", "Summaries", "testdata");

    public static IReadOnlyList<ReferenceSummary> LoadFixtures(string folder) =>
        Directory.EnumerateFiles(folder, "*.txt").OrderBy(f => f, StringComparer.Ordinal).Select(LoadFixture).ToList();

    public static ReferenceSummary LoadFixture(string path)
    {
        var lines = File.ReadAllLines(path);
        var separator = Array.IndexOf(lines, "---");
        if (separator < 2 || !lines[0].StartsWith("Title: ", StringComparison.Ordinal) || !lines[1].StartsWith("Reference: ", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} must start with 'Title: …', 'Reference: …' and a '---' line.");
        }

        return new ReferenceSummary(
            Path.GetFileNameWithoutExtension(path),
            lines[0]["Title: ".Length..],
            string.Join('\n', lines[(separator + 1)..]),
            lines[1]["Reference: ".Length..]);
    }

    /// <summary>
    /// Papers of a ChatPaperFree digest: the line after "Authors:" is the English abstract, the next the Chinese
    /// translation; the reference is the text after "Summary" (same line after a colon, or the next line).
    /// </summary>
    public static IReadOnlyList<ReferenceSummary> LoadDigest(string path)
    {
        var lines = File.ReadAllLines(path);
        var papers = new List<ReferenceSummary>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("Authors:", StringComparison.Ordinal) || i < 1 || i + 2 >= lines.Length)
            {
                continue;
            }

            var title = lines[i - 1].Trim();
            var translation = lines[i + 2].Trim();
            var summaryLine = Array.FindIndex(lines, i + 3, l => l.StartsWith("Summary", StringComparison.Ordinal));
            if (summaryLine < 0)
            {
                continue;
            }

            var sameLine = lines[summaryLine]["Summary".Length..].TrimStart(':', '：', ' ').Trim();
            var reference = sameLine.Length > 0 ? sameLine : lines[summaryLine + 1].Trim();
            papers.Add(new ReferenceSummary($"digest:{title}", title, translation, reference));
        }

        return papers;
    }
}
