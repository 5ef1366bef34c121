using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Aggregator.Testing.Paths;

namespace Aggregator.Testing.Papers;

/// <summary>
/// The labelled corpus for paper identification: fixtures in tests/Aggregator.Tests/Papers/testdata (each
/// "NAME.labels.json" names its document) plus the shared samples, labelled there too ("source": "shared:…") and
/// skipped when ../shared is absent. Read by the identification tests and the "papers" benchmark alike.
/// </summary>
public static partial class PaperCorpus
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static string Directory => RepositoryPaths.InRoot("tests", "Aggregator.Tests", "Papers", "testdata");

    /// <summary>Every labelled post that can be read, and a message for each one skipped.</summary>
    public static (IReadOnlyList<LabelledPost> Posts, IReadOnlyList<string> Skipped) Load()
    {
        var posts = new List<LabelledPost>();
        var skipped = new List<string>();
        foreach (var labelFile in System.IO.Directory.GetFiles(Directory, "*.labels.json").Order(StringComparer.Ordinal))
        {
            var post = LoadPost(labelFile);
            if (post is null)
            {
                skipped.Add($"{Path.GetFileName(labelFile)}: ../shared is absent, sample skipped");
            }
            else
            {
                posts.Add(post);
            }
        }

        return (posts, skipped);
    }

    /// <summary>One labelled post by label-file name ("wechat-article"), or null when its shared sample is absent.</summary>
    public static LabelledPost? LoadPost(string nameOrPath)
    {
        var labelFile = File.Exists(nameOrPath) ? nameOrPath : Path.Combine(Directory, nameOrPath + ".labels.json");
        var label = JsonSerializer.Deserialize<LabelFile>(File.ReadAllText(labelFile), Json)
                    ?? throw new InvalidDataException($"{labelFile} is empty.");
        string? documentPath;
        if (label.Source.StartsWith("shared:", StringComparison.Ordinal))
        {
            documentPath = RepositoryPaths.Shared is { } shared ? Path.Combine(shared, label.Source["shared:".Length..]) : null;
        }
        else
        {
            documentPath = Path.Combine(Directory, label.Source);
        }

        if (documentPath is null)
        {
            return null;
        }

        var content = File.ReadAllText(documentPath);
        var (html, text) = Path.GetExtension(documentPath).ToLowerInvariant() switch
        {
            ".html" => (content, HtmlToText(content)),
            ".md" => (LinesToParagraphs(content, encode: false), content),
            _ => (LinesToParagraphs(content, encode: true), content),
        };
        var name = Path.GetFileName(labelFile)[..^".labels.json".Length];
        return new LabelledPost(name, label.Class, label.Title, html, text, label.BaseUri, label.Exact, label.Papers);
    }

    /// <summary>Pairs of paper ids whose titles are alike but which are different papers: they must never merge.</summary>
    public static IReadOnlyList<(string A, string B)> DistinctPairs()
    {
        var pairs = JsonSerializer.Deserialize<string[][]>(File.ReadAllText(Path.Combine(Directory, "distinct-pairs.json")), Json) ?? [];
        return pairs.Select(p => (p[0], p[1])).ToList();
    }

    /// <summary>
    /// Plain text as a text-only source is published as HTML: one paragraph a line. Markdown keeps its inline HTML
    /// (a README's &lt;a&gt; tags) and its markup, which identification reads.
    /// </summary>
    private static string LinesToParagraphs(string content, bool encode)
    {
        var builder = new StringBuilder();
        foreach (var line in content.Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                builder.Append("<p>").Append(encode ? WebUtility.HtmlEncode(line.Trim()) : line.Trim()).Append("</p>\n");
            }
        }

        return builder.ToString();
    }

    /// <summary>Block-aware text of fixture HTML: a newline at each block boundary and line break, tags dropped.</summary>
    private static string HtmlToText(string html)
    {
        var text = BlockBoundary().Replace(html, "\n");
        text = Tag().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        return string.Join("\n", lines);
    }

    [GeneratedRegex(@"<\s*(?:br|/?p|/?div|/?h[1-6]|/?li|/?ul|/?ol|/?tr|/?table|/?blockquote|/?section|/?article|/?pre)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockBoundary();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v\u00a0]+")]
    private static partial Regex Spaces();

    private sealed class LabelFile
    {
        public required string Source { get; init; }

        public string Title { get; init; } = "";

        public string? BaseUri { get; init; }

        [JsonPropertyName("class")]
        public string Class { get; init; } = PostClasses.IdsOrHeadings;

        public bool Exact { get; init; } = true;

        public IReadOnlyList<ExpectedPaper> Papers { get; init; } = [];
    }
}
