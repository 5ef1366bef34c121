using System.Text.Json;
using System.Text.RegularExpressions;

namespace Aggregator.Sources;

/// <summary>
/// The configured sources, read from a JSON file: <c>{ "sources": [ { "id", "name", "url", "type", … } ] }</c> (a bare
/// array is accepted too). Relative URLs and paths resolve against the file, so bundled samples work offline.
/// </summary>
public sealed partial class SourceCatalog
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    public SourceCatalog(IReadOnlyList<SourceDefinition> sources, string origin)
    {
        Sources = sources;
        Origin = origin;
    }

    public IReadOnlyList<SourceDefinition> Sources { get; }

    /// <summary>Where the catalog was read from, for messages.</summary>
    public string Origin { get; }

    /// <exception cref="SourceCatalogException">The file is missing or invalid.</exception>
    public static SourceCatalog Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new SourceCatalogException($"Sources file not found: {fullPath}");
        }

        return Parse(File.ReadAllText(fullPath), new Uri(fullPath), fullPath);
    }

    /// <param name="json">The file's text.</param>
    /// <param name="baseUri">Relative URLs resolve against it (the file's own URL).</param>
    /// <param name="origin">Named in error messages.</param>
    /// <exception cref="SourceCatalogException">The JSON or an entry is invalid.</exception>
    public static SourceCatalog Parse(string json, Uri baseUri, string origin)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new SourceCatalogException(
                // The reader's message ends with its own 0-based position ("LineNumber: 0 | …"); the 1-based one above is enough.
                $"{origin}: not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message.Split(" LineNumber:")[0]}", ex);
        }

        using (document)
        {
            var list = document.RootElement;
            if (list.ValueKind == JsonValueKind.Object)
            {
                if (!list.TryGetProperty("sources", out list) || list.ValueKind != JsonValueKind.Array)
                {
                    throw new SourceCatalogException($"{origin}: expected a \"sources\" array at the top level.");
                }
            }
            else if (list.ValueKind != JsonValueKind.Array)
            {
                throw new SourceCatalogException($"{origin}: expected an object with a \"sources\" array, or an array.");
            }

            var sources = new List<SourceDefinition>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in list.EnumerateArray())
            {
                var source = new SourceEntryReader(entry, $"{origin}: sources[{index}]", baseUri).Read();
                if (!ids.Add(source.Id))
                {
                    throw new SourceCatalogException($"{origin}: sources[{index}] (id '{source.Id}'): field 'id' repeats an earlier entry's id.");
                }

                sources.Add(source);
                index++;
            }

            return new SourceCatalog(sources, origin);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
    internal static partial Regex IdPattern();
}
