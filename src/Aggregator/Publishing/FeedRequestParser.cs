using Aggregator.Sources;
using System.Globalization;
using Aggregator.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Aggregator.Publishing;

/// <summary>
/// Turns the query string of a feed URL into a <see cref="FeedRequest"/>. A bad value is an error naming what is accepted,
/// never an empty feed: a reader that subscribed to a typo should hear about it. Unknown parameters are ignored.
/// </summary>
internal static class FeedRequestParser
{
    internal const int MaxKeywordLength = 200;
    internal const int MaxMinSources = 1000;

    private static readonly string[] SinceFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private static readonly FeedRequest Default = new(new FeedQuery(), FeedFormat.Rss, "");

    /// <summary>Parses the query; on failure returns null and a message for a 400 response.</summary>
    public static FeedRequest? TryParse(IQueryCollection query, bool papers, IReadOnlyList<SourceDefinition> sources, out string? error)
    {
        if (query.Count == 0)
        {
            // Most polls carry no query at all.
            error = null;
            return Default;
        }

        var result = new FeedQuery();
        var format = FeedFormat.Rss;
        var formatNamed = false;
        error = null;

        if (Single(query, "format", out var formatText, ref error) && formatText is not null)
        {
            formatNamed = true;
            switch (formatText.Trim().ToLowerInvariant())
            {
                case "rss": format = FeedFormat.Rss; break;
                case "atom": format = FeedFormat.Atom; break;
                case "json": format = FeedFormat.Json; break;
                default:
                    error = "format must be rss (the default), atom or json";
                    return null;
            }
        }

        if (Single(query, "limit", out var limitText, ref error) && limitText is not null)
        {
            if (!int.TryParse(limitText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                || limit is < 1 or > FeedQuery.MaxLimit)
            {
                error = $"limit must be an integer from 1 to {FeedQuery.MaxLimit} (default {FeedQuery.DefaultLimit})";
                return null;
            }

            result = result with { Limit = limit };
        }

        if (Single(query, "source", out var sourceText, ref error) && sourceText is not null)
        {
            var sourceId = sourceText.Trim();
            if (!sources.Any(s => string.Equals(s.Id, sourceId, StringComparison.Ordinal)))
            {
                var known = string.Join(", ", sources.Select(s => s.Id).Order(StringComparer.Ordinal));
                error = known.Length == 0
                    ? "source must be the id of a configured source, and none are configured"
                    : $"source must be the id of a configured source: {known}";
                return null;
            }

            result = result with { SourceId = sourceId };
        }

        if (Single(query, "q", out var keywordText, ref error) && keywordText is not null)
        {
            var keyword = keywordText.Trim();
            if (keyword.Length > MaxKeywordLength)
            {
                error = $"q must be a keyword of at most {MaxKeywordLength} characters";
                return null;
            }

            // Matching ignores case, so "DPO" and "dpo" are one request: one cache entry, one self link.
            result = result with { Keyword = keyword.Length == 0 ? null : keyword.ToLowerInvariant() };
        }

        if (Single(query, "since", out var sinceText, ref error) && sinceText is not null)
        {
            if (!TryParseSince(sinceText, out var since))
            {
                error = "since must be an ISO 8601 date (2024-06-01) or date-time (2024-06-01T08:00:00Z, 2024-06-01T08:00:00+08:00)";
                return null;
            }

            result = result with { Since = since };
        }

        if (papers && Single(query, "min_sources", out var minText, ref error) && minText is not null)
        {
            if (!int.TryParse(minText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
                || min is < 1 or > MaxMinSources)
            {
                error = $"min_sources must be an integer from 1 to {MaxMinSources}";
                return null;
            }

            result = result with { MinSources = min };
        }

        if (error is not null)
        {
            return null;
        }

        return new FeedRequest(result, format, Canonical(result, format)) { FormatNamed = formatNamed };
    }

    internal static bool TryParseSince(string text, out DateTimeOffset since)
    {
        // A '+' in an unencoded query string arrives as a space: "T08:00:00 08:00" meant "+08:00".
        var candidate = text.Trim();
        var space = candidate.LastIndexOf(' ');
        if (space > 10)
        {
            candidate = string.Concat(candidate.AsSpan(0, space), "+", candidate.AsSpan(space + 1));
        }

        return DateTimeOffset.TryParseExact(
            candidate,
            SinceFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out since);
    }

    private static bool Single(IQueryCollection query, string name, out string? value, ref string? error)
    {
        value = null;
        if (error is not null || !query.TryGetValue(name, out StringValues values) || values.Count == 0)
        {
            return false;
        }

        if (values.Count > 1)
        {
            error = $"{name} must be given at most once";
            return false;
        }

        value = values[0];
        return true;
    }

    /// <summary>
    /// The request as a query string with only meaningful parameters, in a fixed order: the cache key and the self link,
    /// so "?limit=50&amp;utm=x" and "" share one rendering.
    /// </summary>
    internal static string Canonical(FeedQuery query, FeedFormat format)
    {
        var parts = new List<string>(6);
        if (query.SourceId is not null)
        {
            parts.Add("source=" + Uri.EscapeDataString(query.SourceId));
        }

        if (query.Keyword is not null)
        {
            parts.Add("q=" + Uri.EscapeDataString(query.Keyword));
        }

        if (query.Since is { } since)
        {
            parts.Add("since=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture)));
        }

        if (query.MinSources is { } min)
        {
            parts.Add("min_sources=" + min.ToString(CultureInfo.InvariantCulture));
        }

        if (query.Limit != FeedQuery.DefaultLimit)
        {
            parts.Add("limit=" + query.Limit.ToString(CultureInfo.InvariantCulture));
        }

        if (format != FeedFormat.Rss)
        {
            parts.Add("format=" + format.ToString().ToLowerInvariant());
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
