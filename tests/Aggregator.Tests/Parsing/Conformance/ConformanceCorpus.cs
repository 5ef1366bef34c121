using System.Text.Json;
using Aggregator.Testing.Paths;

namespace Aggregator.Tests.Parsing.Conformance;

/// <summary>The feedparser corpus in ../shared/conformance/feedparser, or nothing when ../shared is absent.</summary>
internal static class ConformanceCorpus
{
    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceRow>> LazyRows = new(Load);

    public static string? Directory => RepositoryPaths.Shared is { } shared ? Path.Combine(shared, "conformance", "feedparser") : null;

    public static bool IsAvailable => Directory is { } dir && File.Exists(Path.Combine(dir, "expectations.jsonl"));

    public static IReadOnlyDictionary<string, ConformanceRow> Rows => LazyRows.Value;

    public static byte[] ReadDocument(ConformanceRow row) => File.ReadAllBytes(Path.Combine(Directory!, "tests", row.File));

    private static IReadOnlyDictionary<string, ConformanceRow> Load()
    {
        if (!IsAvailable)
        {
            return new Dictionary<string, ConformanceRow>();
        }

        return File.ReadLines(Path.Combine(Directory!, "expectations.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => { using var json = JsonDocument.Parse(line); return ConformanceRow.FromJson(json.RootElement); })
            .ToDictionary(row => row.File, StringComparer.Ordinal);
    }
}
