using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aggregator.Testing.Dedupe;

/// <summary>
/// The labelled near-duplicate corpus (tests/Aggregator.Tests/Dedupe/testdata): documents, groups of copies of one
/// post, and hard negative pairs. Shared by the dedupe tests and the dedupe benchmark so both judge the same labels.
/// </summary>
public sealed class DedupeCorpus
{
    private readonly Dictionary<string, string> groupOf;

    private DedupeCorpus(IReadOnlyDictionary<string, string> documents, IReadOnlyList<LabelledSet> groups, IReadOnlyList<LabelledSet> hardNegatives)
    {
        Documents = documents;
        DuplicateGroups = groups;
        HardNegatives = hardNegatives;
        groupOf = groups.SelectMany(g => g.Files.Select(f => (f, g.Name))).ToDictionary(p => p.f, p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>File name → text.</summary>
    public IReadOnlyDictionary<string, string> Documents { get; }

    public IReadOnlyList<LabelledSet> DuplicateGroups { get; }

    public IReadOnlyList<LabelledSet> HardNegatives { get; }

    /// <summary>The corpus folder inside the test project's source tree, for the benchmark.</summary>
    public static string SourceFolder => Paths.RepositoryPaths.InRoot("tests", "Aggregator.Tests", "Dedupe", "testdata");

    public static DedupeCorpus Load(string folder)
    {
        var labels = JsonSerializer.Deserialize<LabelsFile>(File.ReadAllText(Path.Combine(folder, "labels.json")))
            ?? throw new InvalidDataException($"{folder}/labels.json is empty.");
        var documents = Directory.EnumerateFiles(folder, "*.txt")
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        var missing = labels.DuplicateGroups.Concat(labels.SimilarNonDuplicates).SelectMany(s => s.Files).Where(f => !documents.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"labels.json names files that are not in {folder}: {string.Join(", ", missing)}.");
        }

        return new DedupeCorpus(documents, labels.DuplicateGroups, labels.SimilarNonDuplicates);
    }

    /// <summary>Every unordered pair of documents with its label (true = the same post).</summary>
    public IEnumerable<(string A, string B, bool Duplicate)> AllPairs()
    {
        var names = Documents.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                yield return (names[i], names[j], IsDuplicate(names[i], names[j]));
            }
        }
    }

    public bool IsDuplicate(string a, string b) =>
        groupOf.TryGetValue(a, out var groupA) && groupOf.TryGetValue(b, out var groupB) && groupA == groupB;

    public sealed record LabelledSet(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("note")] string Note,
        [property: JsonPropertyName("files")] IReadOnlyList<string> Files);

    private sealed record LabelsFile(
        [property: JsonPropertyName("duplicateGroups")] IReadOnlyList<LabelledSet> DuplicateGroups,
        [property: JsonPropertyName("similarNonDuplicates")] IReadOnlyList<LabelledSet> SimilarNonDuplicates);
}
