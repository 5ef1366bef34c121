using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aggregator.Parsing;
using Aggregator.Parsing.Text;

namespace Aggregator.Tests.Parsing.Conformance;

/// <summary>
/// Maps feedparser's result paths onto our <see cref="Feed"/> and compares. Titles compare as plain text (our model
/// defines Title so); summaries and contents compare after decoding entities, collapsing whitespace and normalising
/// empty-tag spelling; dates by their UTC instant; encodings case-insensitively.
/// </summary>
internal static partial class ExpectationEvaluator
{
    public static IReadOnlyList<ExpectationOutcome> Evaluate(ConformanceRow row, IFeedReader reader)
    {
        Feed? feed;
        try
        {
            feed = reader.Read(ConformanceCorpus.ReadDocument(row), new FeedReadOptions { ContentType = row.ContentType, BaseUri = row.BaseUri });
        }
        catch (FeedParseException)
        {
            feed = null;
        }

        return row.Expectations.Select(e => Evaluate(row, e, feed)).ToArray();
    }

    private static ExpectationOutcome Evaluate(ConformanceRow row, ConformanceExpectation expectation, Feed? feed)
    {
        var expected = expectation.Utc ?? (expectation.Value.ValueKind == JsonValueKind.String ? expectation.Value.GetString()! : expectation.Value.GetRawText());
        var mapping = Map(expectation.Path);
        if (mapping is null)
        {
            return new ExpectationOutcome(row.File, row.Folder, expectation.Path, ExpectationStatus.Unmodelled, expected, null);
        }

        var (comparison, select) = mapping.Value;
        var actual = feed is null ? null : select(feed);
        var pass = actual is not null && Equal(comparison, expected, actual);
        return new ExpectationOutcome(row.File, row.Folder, expectation.Path, pass ? ExpectationStatus.Pass : ExpectationStatus.Fail, expected, actual);
    }

    private enum Comparison
    {
        Exact,
        IgnoreCase,
        PlainText,
        Html,
        Json,

        /// <summary>The actual value lists the acceptable ones, separated by '|'.</summary>
        OneOf,
    }

    private static (Comparison, Func<Feed, string?>)? Map(string path)
    {
        var m = EntryPath().Match(path);
        if (m.Success)
        {
            var index = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            return MapEntry(m.Groups[2].Value, feed => index < feed.Items.Count ? feed.Items[index] : null);
        }

        return path switch
        {
            "feed.title" => (Comparison.PlainText, f => f.Title),
            "feed.link" => (Comparison.Exact, f => f.Link),
            "feed.subtitle" => (Comparison.Html, f => f.Description),
            "feed.language" => (Comparison.Exact, f => f.Language),
            "feed.image.href" => (Comparison.Exact, f => f.ImageUrl),
            "feed.updated_parsed" => (Comparison.Exact, f => Utc(f.LastUpdatedDate)),
            "feed.ttl" => (Comparison.Exact, f => f.TimeToLive?.ToString(CultureInfo.InvariantCulture)),
            "encoding" => (Comparison.IgnoreCase, f => f.Encoding),
            "version" => (Comparison.OneOf, f => FeedparserVersions(f.Type)),
            _ => null,
        };
    }

    private static (Comparison, Func<Feed, string?>)? MapEntry(string path, Func<Feed, FeedItem?> item)
    {
        var list = ListPath().Match(path);
        if (list.Success)
        {
            var (name, index, field) = (list.Groups[1].Value, int.Parse(list.Groups[2].Value, CultureInfo.InvariantCulture), list.Groups[3].Value);
            return (name, field) switch
            {
                ("tags", ".term") => (Comparison.Exact, f => At(item(f)?.Categories, index)),
                ("authors", ".name") => (Comparison.Exact, f => At(item(f)?.Authors, index) is { } a ? AuthorNames.Split(a).Name : null),
                ("authors", ".email") => (Comparison.Exact, f => At(item(f)?.Authors, index) is { } a ? AuthorNames.Split(a).Email : null),
                ("enclosures", ".href") => (Comparison.Exact, f => At(item(f)?.Enclosures, index)?.Url),
                ("enclosures", ".type") => (Comparison.Exact, f => At(item(f)?.Enclosures, index)?.MediaType),
                ("enclosures", ".length") => (Comparison.Exact, f => At(item(f)?.Enclosures, index)?.Length?.ToString(CultureInfo.InvariantCulture)),
                ("enclosures", "") => (Comparison.Json, f => At(item(f)?.Enclosures, index) is { } e ? EnclosureJson(e) : null),
                ("content", ".value") when index == 0 => (Comparison.Html, f => item(f)?.Content),
                _ => null,
            };
        }

        return path switch
        {
            "title" or "title_detail.value" => (Comparison.PlainText, f => item(f)?.Title),
            "link" => (Comparison.Exact, f => item(f)?.Link),
            "id" => (Comparison.Exact, f => item(f)?.Id),
            // feedparser offers the content as summary when an entry has no summary of its own.
            "summary" or "summary_detail.value" => (Comparison.Html, f => item(f) is { } i ? i.Description ?? i.Content : null),
            "author" => (Comparison.Exact, f => At(item(f)?.Authors, 0)),
            "author_detail.name" => (Comparison.Exact, f => At(item(f)?.Authors, 0) is { } a ? AuthorNames.Split(a).Name : null),
            "author_detail.email" => (Comparison.Exact, f => At(item(f)?.Authors, 0) is { } a ? AuthorNames.Split(a).Email : null),
            "published_parsed" => (Comparison.Exact, f => Utc(item(f)?.PublishingDate)),
            "updated_parsed" => (Comparison.Exact, f => Utc(item(f)?.UpdatedDate)),
            _ => null,
        };
    }

    private static bool Equal(Comparison comparison, string expected, string actual) => comparison switch
    {
        Comparison.Exact => expected == actual,
        Comparison.IgnoreCase => string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase),
        // feedparser's title is HTML or text depending on the element's type, which the row does not record; ours is text.
        Comparison.PlainText => PlainText.Collapse(actual) is var text && (text == PlainText.FromHtml(expected) || text == PlainText.Collapse(expected)),
        Comparison.Html => NormaliseHtml(expected) == NormaliseHtml(actual),
        Comparison.Json => JsonEquals(expected, actual),
        Comparison.OneOf => actual.Split('|').Contains(expected),
        _ => false,
    };

    private static string NormaliseHtml(string html)
    {
        var decoded = WebUtility.HtmlDecode(html);
        decoded = EmptyTagSpace().Replace(decoded, "/>");
        return PlainText.Collapse(decoded) ?? string.Empty;
    }

    private static bool JsonEquals(string expected, string actual)
    {
        using var a = JsonDocument.Parse(expected);
        using var b = JsonDocument.Parse(actual);
        return JsonElement.DeepEquals(a.RootElement, b.RootElement);
    }

    private static string EnclosureJson(FeedEnclosure e) => JsonSerializer.Serialize(new Dictionary<string, string?>
    {
        ["href"] = e.Url,
        ["length"] = e.Length?.ToString(CultureInfo.InvariantCulture),
        ["type"] = e.MediaType,
    });

    private static string? Utc(DateTimeOffset? date) => date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static T? At<T>(IReadOnlyList<T>? list, int index) where T : class => list is not null && index < list.Count ? list[index] : null;

    /// <summary>Our FeedType is coarser than feedparser's version: 0.91 Netscape/UserLand, 0.92–0.94 and 0.90/1.0 share one.</summary>
    private static string? FeedparserVersions(FeedType type) => type switch
    {
        FeedType.Rss_2_0 => "rss20",
        FeedType.Rss_0_91 => "rss091n|rss091u",
        FeedType.Rss_0_92 => "rss092|rss093|rss094",
        FeedType.Rss_1_0 => "rss10|rss090",
        FeedType.Atom_1_0 => "atom10",
        FeedType.Atom_0_3 => "atom03",
        _ => type.ToString(),
    };

    [GeneratedRegex(@"^entries\[(\d+)\]\.(.+)$")]
    private static partial Regex EntryPath();

    [GeneratedRegex(@"^(\w+)\[(\d+)\](\.\w+)?$")]
    private static partial Regex ListPath();

    [GeneratedRegex(@"\s*/>")]
    private static partial Regex EmptyTagSpace();
}
