using System.Globalization;
using Aggregator.Testing.Papers;

namespace Aggregator.Testing.Metadata;

/// <summary>
/// The labelled paper corpus as the metadata services would know it: every labelled paper on the fake arXiv (under
/// its labelled arXiv id, or a made-up one in the 2412.9xxxx range when no post gave one), titled as most posts title
/// it and with the authors a post listed, and every paper with an OpenReview id on the fake OpenReview. Papers known
/// only by DOI are on neither, as they would not be on arXiv's API.
/// </summary>
public static class CorpusCatalogue
{
    public static (IReadOnlyList<FakeArxivPaper> Arxiv, IReadOnlyList<FakeOpenReviewNote> OpenReview) FromLabels(
        IReadOnlyList<LabelledPost> posts, CatalogueTitles titles = CatalogueTitles.MostCommon)
    {
        ArgumentNullException.ThrowIfNull(posts);
        var arxiv = new List<FakeArxivPaper>();
        var openReview = new List<FakeOpenReviewNote>();
        var made = 0;
        foreach (var paper in posts.SelectMany(p => p.Papers).GroupBy(p => p.Id, StringComparer.Ordinal))
        {
            var spellings = paper.Select(p => p.Title).OfType<string>().GroupBy(t => t, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
            var title = titles == CatalogueTitles.MostCommon ? spellings.FirstOrDefault() : Restyled(spellings);
            var authors = paper.Select(p => p.Authors).FirstOrDefault(a => a is { Count: > 0 }) ?? [$"Author of {paper.Key}"];
            var arxivId = paper.Select(p => p.Arxiv).OfType<string>().FirstOrDefault();
            var doiOnly = arxivId is null && paper.Any(p => p.Doi is not null) && title is null;
            if (!doiOnly)
            {
                arxivId ??= string.Create(CultureInfo.InvariantCulture, $"2412.9{++made:D4}");
                arxiv.Add(new FakeArxivPaper(arxivId, title ?? $"The paper labelled {paper.Key}", authors, $"Abstract of {paper.Key}."));
            }

            if (paper.Select(p => p.OpenReview).OfType<string>().FirstOrDefault() is { } forum)
            {
                openReview.Add(new FakeOpenReviewNote(forum, title ?? $"The paper labelled {paper.Key}", authors));
            }
        }

        return (arxiv, openReview);
    }

    /// <summary>
    /// The rarest Latin-script spelling the posts used, restyled as a catalogue might print it: sentence case, a dash
    /// for the colon, a closing full stop. Titles only in other scripts keep the commonest spelling (never searched).
    /// </summary>
    private static string? Restyled(IReadOnlyList<string> spellings)
    {
        var latin = spellings.LastOrDefault(s => s.Count(char.IsAsciiLetter) * 2 > s.Count(char.IsLetter));
        if (latin is null)
        {
            return spellings.FirstOrDefault();
        }

        var sentence = latin.Length == 0 ? latin : latin[..1] + latin[1..].ToLowerInvariant();
        return sentence.Replace(": ", " - ", StringComparison.Ordinal).TrimEnd('.') + ".";
    }
}
