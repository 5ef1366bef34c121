using Aggregator.Parsing;
using Aggregator.Testing.Paths;
using Xunit.Abstractions;

namespace Aggregator.Tests.Parsing.Conformance;

/// <summary>
/// FeedReader against feedparser's own test corpus. One theory row per feed; every modelled expectation must hold
/// unless known-failures.txt lists it (with the reason), and a listed one must still fail, so both regressions and fixes
/// show. Paths our model lacks are left out of the counts.
/// </summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private const string Skipped = "(../shared absent: conformance skipped)";

    private static readonly FeedReader Reader = new();

    private static readonly Lazy<IReadOnlyDictionary<string, string>> KnownFailures = new(LoadKnownFailures);

    private static readonly (string Prefix, double Target)[] Targets =
    [
        ("wellformed/", 0.95),
        ("encoding", 0.95),
        ("illformed/chardet", 0.95),
        ("entities", 0.90),
    ];

    public static IEnumerable<object[]> Files => ConformanceCorpus.IsAvailable
        ? ConformanceCorpus.Rows.Keys.Order(StringComparer.Ordinal).Select(file => new object[] { file })
        : [[Skipped]];

    [Theory]
    [MemberData(nameof(Files))]
    public void Read_FeedparserCorpusFile_MeetsItsExpectations(string file)
    {
        if (file == Skipped)
        {
            output.WriteLine("Skipped: ../shared/conformance/feedparser is not present.");
            return;
        }

        var outcomes = ExpectationEvaluator.Evaluate(ConformanceCorpus.Rows[file], Reader);
        var surprises = new List<string>();
        foreach (var outcome in outcomes.Where(o => o.Status != ExpectationStatus.Unmodelled))
        {
            var known = KnownFailures.Value.ContainsKey(outcome.Key);
            if (outcome.Status == ExpectationStatus.Fail && !known)
            {
                surprises.Add($"FAILS: {outcome.Path}: expected «{outcome.Expected}», got «{outcome.Actual ?? "(null)"}»");
            }
            else if (outcome.Status == ExpectationStatus.Pass && known)
            {
                surprises.Add($"NOW PASSES (remove it from known-failures.txt): {outcome.Path}");
            }
        }

        foreach (var outcome in outcomes.Where(o => o.Status == ExpectationStatus.Unmodelled))
        {
            output.WriteLine($"not counted: {outcome.Path} (no such field in Feed/FeedItem)");
        }

        Assert.True(surprises.Count == 0, string.Join(Environment.NewLine, surprises));
    }

    [Fact]
    public void Read_FeedparserCorpus_MeetsPerFolderTargets()
    {
        if (!ConformanceCorpus.IsAvailable)
        {
            output.WriteLine("Skipped: ../shared/conformance/feedparser is not present.");
            return;
        }

        var outcomes = ConformanceCorpus.Rows.Values.SelectMany(row => ExpectationEvaluator.Evaluate(row, Reader)).ToList();
        if (Environment.GetEnvironmentVariable("CONFORMANCE_DUMP") is { Length: > 0 } dump)
        {
            // For maintainers: every counted outcome, to triage failures or regenerate known-failures.txt.
            File.WriteAllLines(dump, outcomes.Where(o => o.Status != ExpectationStatus.Unmodelled)
                .Select(o => $"{o.Status}\t{o.Key}\t«{o.Expected}»\t«{o.Actual}»"));
        }

        var missed = new List<string>();
        output.WriteLine($"{"folder",-22} {"pass",5} {"counted",8} {"ratio",7} {"unmodelled",11}");
        foreach (var folder in outcomes.GroupBy(o => o.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var counted = folder.Count(o => o.Status != ExpectationStatus.Unmodelled);
            var passed = folder.Count(o => o.Status == ExpectationStatus.Pass);
            var ratio = counted == 0 ? 1.0 : (double)passed / counted;
            output.WriteLine($"{folder.Key,-22} {passed,5} {counted,8} {ratio,7:P1} {folder.Count() - counted,11}");
        }

        foreach (var (prefix, target) in Targets)
        {
            var group = outcomes.Where(o => o.Folder.StartsWith(prefix, StringComparison.Ordinal) && o.Status != ExpectationStatus.Unmodelled).ToList();
            var ratio = group.Count == 0 ? 1.0 : (double)group.Count(o => o.Status == ExpectationStatus.Pass) / group.Count;
            output.WriteLine($"{prefix,-22} {ratio:P1} (target {target:P0})");
            if (ratio < target)
            {
                missed.Add($"{prefix}: {ratio:P1} < {target:P0}");
            }
        }

        Assert.True(missed.Count == 0, string.Join("; ", missed));
    }

    /// <summary>Lines "file path | reason"; '#' starts a comment line.</summary>
    private static IReadOnlyDictionary<string, string> LoadKnownFailures()
    {
        var path = RepositoryPaths.InRoot("tests", "Aggregator.Tests", "Parsing", "Conformance", "known-failures.txt");
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(" | ", 2))
            .ToDictionary(parts => parts[0].Trim(), parts => parts.ElementAtOrDefault(1)?.Trim() ?? string.Empty, StringComparer.Ordinal);
    }
}
