using System.Text.RegularExpressions;
using Aggregator.Parsing;
using Aggregator.Tests.Parsing.Conformance;

namespace Aggregator.Benchmarks.Parsing;

/// <summary>
/// How many of feedparser's expectations a reader meets, with the harness the conformance tests use. Paths our model
/// has no field for are left out for every reader alike; an expectation on a field a reader does not fill is not met.
/// </summary>
internal sealed partial record ConformanceScore(
    int Met,
    int Counted,
    int UnmetInDocumentsThatThrew,
    (int Met, int Counted) WithoutEncoding,
    IReadOnlyDictionary<string, (int Met, int Counted)> ByFolder,
    IReadOnlyList<(string Path, int Unmet)> UnmetByPath)
{
    public double Ratio => Counted == 0 ? 1 : (double)Met / Counted;

    /// <param name="reader">The reader judged.</param>
    /// <param name="threw">The corpus files (as ConformanceRow.File) on which the reader threw.</param>
    public static ConformanceScore Of(IFeedReader reader, IReadOnlySet<string> threw)
    {
        var outcomes = ConformanceCorpus.Rows.Values
            .SelectMany(row => ExpectationEvaluator.Evaluate(row, reader))
            .Where(o => o.Status != ExpectationStatus.Unmodelled)
            .ToList();
        var unmet = outcomes.Where(o => o.Status == ExpectationStatus.Fail).ToList();
        if (Environment.GetEnvironmentVariable("PARSE_CONFORMANCE_DUMP") is { Length: > 0 } folder)
        {
            // For maintainers: every unmet expectation of each reader, to check that a mapping is fair.
            File.WriteAllLines(Path.Combine(folder, $"unmet-{reader.GetType().Name}.tsv"), unmet.Select(o => $"{o.Key}\t«{o.Expected}»\t«{o.Actual}»"));
        }

        var byFolder = outcomes.GroupBy(o => o.Folder, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(o => o.Status == ExpectationStatus.Pass), g.Count()), StringComparer.Ordinal);
        var byPath = unmet.Where(o => !threw.Contains(o.File))
            .GroupBy(o => Index().Replace(o.Path, "[]"), StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();
        var withoutEncoding = outcomes.Where(o => o.Path != "encoding").ToList();
        return new ConformanceScore(
            outcomes.Count - unmet.Count,
            outcomes.Count,
            unmet.Count(o => threw.Contains(o.File)),
            (withoutEncoding.Count(o => o.Status == ExpectationStatus.Pass), withoutEncoding.Count),
            byFolder,
            byPath);
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
