using Aggregator.Papers;
using Aggregator.Testing.Papers;
using Xunit.Abstractions;

namespace Aggregator.Tests.Papers;

/// <summary>
/// Identification against the labelled corpus, one test per post: every labelled paper is found by exactly one mention
/// with exactly its keys, and (for exact labels) no other paper is reported. Shared samples skip when ../shared is absent.
/// </summary>
public sealed class LabelledCorpusTests(ITestOutputHelper output)
{
    private readonly PaperIdentifier _identifier = new();

    [Theory]
    [InlineData("weibo-wrapped-arxiv")]
    [InlineData("wechat-article")]
    [InlineData("github-collection")]
    [InlineData("chatpaper-digest")]
    [InlineData("english-blog-links")]
    [InlineData("similar-titles")]
    [InlineData("csdn-title-list")]
    [InlineData("csdn-classic-list")]
    [InlineData("zhihu-answer")]
    [InlineData("hf-daily-papers")]
    [InlineData("sample-chatpaper-digest")]
    [InlineData("sample-github-dpo-collection")]
    [InlineData("sample-wechat-paperweekly-article")]
    public void Identify_LabelledPost_FindsExactlyTheLabelledPapers(string name)
    {
        var post = PaperCorpus.LoadPost(name);
        if (post is null)
        {
            output.WriteLine($"Skipped {name}: ../shared is absent.");
            return;
        }

        var mentions = _identifier.Identify(new PostDocument(post.Title, post.Html, post.Text, Uri(post.BaseUri)));
        foreach (var mention in mentions)
        {
            output.WriteLine($"{string.Join(" ", mention.Keys)} | {mention.Title} | code={string.Join(",", mention.CodeUrls)}");
        }

        var matches = PaperCorpusScoring.Match(post, mentions.Select(m => (IReadOnlyCollection<string>)m.Keys.Select(k => k.ToString()).ToList()).ToList(), TitleKey);
        var missing = post.Papers.Where((_, i) => !matches.Contains(i)).Select(p => p.Id).ToList();
        if (post.Exact)
        {
            Assert.Empty(missing);
            Assert.DoesNotContain(-1, matches);
            Assert.Equal(post.Papers.Count, mentions.Count);
            for (var m = 0; m < mentions.Count; m++)
            {
                AssertFields(post.Papers[matches[m]], mentions[m]);
            }
        }
        else
        {
            // A floor: plain title lists are found by heuristics, so a label may be missed (scored by the benchmark).
            Assert.True(missing.Count <= post.Papers.Count / 5, $"Missing: {string.Join(", ", missing)}");
            Assert.DoesNotContain(-1, matches);
        }
    }

    private static void AssertFields(ExpectedPaper expected, PaperMention actual)
    {
        Assert.Equal(expected.Keys(TitleKey), actual.Keys.Select(k => k.ToString()).ToList());
        Assert.Equal(expected.ArxivVersion, actual.ArxivVersion);
        if (expected.Title is not null)
        {
            Assert.Equal(expected.Title, actual.Title);
        }

        if (expected.Authors is not null)
        {
            Assert.Equal(expected.Authors, actual.Authors);
        }

        if (expected.CodeUrls is not null)
        {
            Assert.Equal(expected.CodeUrls, actual.CodeUrls);
        }

        if (expected.Abstract is { } hasAbstract)
        {
            Assert.Equal(hasAbstract, actual.Abstract is not null);
        }

        if (expected.Summary is { } hasSummary)
        {
            Assert.Equal(hasSummary, actual.ReadySummary is not null);
        }

        Assert.False(string.IsNullOrWhiteSpace(actual.Context));
    }

    private static string? TitleKey(string title) => PaperTitle.KeyFor(title)?.ToString();

    private static Uri? Uri(string? uri) => uri is null ? null : new Uri(uri);
}
