using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Aggregator.Testing.Http;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Testing.Metadata;

/// <summary>
/// A loopback arXiv API (<c>/api/query</c>) over a catalogue of <see cref="FakeArxivPaper"/>: <c>id_list=</c> answers
/// the known ids (versions ignored, malformed ids answered with arXiv's Error entry), <c>search_query=ti:"…" OR
/// ti:"…"</c> answers every paper whose title contains one of the phrases, word for word. A test can queue raw
/// responses (503 with Retry-After, broken XML) that are answered first. Each request is logged with the time on
/// <see cref="Clock"/>, so rate-limit tests can assert on spacing without sleeping.
/// </summary>
public sealed partial class FakeArxivService : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FakeArxivPaper> papers = new(StringComparer.Ordinal);
    private readonly List<FakeArxivPaper> order = [];
    private readonly ConcurrentQueue<LoopbackResponse> queued = new();
    private readonly ConcurrentQueue<(DateTimeOffset At, string Query)> log = new();

    private FakeArxivService(LoopbackServer server, TimeProvider clock)
    {
        Server = server;
        Clock = clock;
    }

    public LoopbackServer Server { get; }

    public TimeProvider Clock { get; }

    /// <summary>The endpoint to configure as the arXiv query URL.</summary>
    public Uri QueryUrl => Server.Url("/api/query");

    /// <summary>Every request's decoded query and when (on <see cref="Clock"/>) it arrived, in order.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Query)> Requests => [.. log];

    public static async Task<FakeArxivService> StartAsync(TimeProvider? clock = null, IEnumerable<FakeArxivPaper>? catalogue = null)
    {
        var service = new FakeArxivService(await LoopbackServer.StartAsync(), clock ?? TimeProvider.System);
        foreach (var paper in catalogue ?? [])
        {
            service.Add(paper);
        }

        service.Server.Map("/api/query", service.HandleAsync);
        return service;
    }

    public FakeArxivService Add(FakeArxivPaper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        lock (order)
        {
            if (papers.TryAdd(paper.Id, paper))
            {
                order.Add(paper);
            }
        }

        return this;
    }

    /// <summary>Answers the next request with <paramref name="response"/> instead of the catalogue (queued in order).</summary>
    public FakeArxivService Enqueue(LoopbackResponse response)
    {
        queued.Enqueue(response);
        return this;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var query = Uri.UnescapeDataString(context.Request.QueryString.Value?.TrimStart('?') ?? "");
        log.Enqueue((Clock.GetUtcNow(), query));
        if (queued.TryDequeue(out var scripted))
        {
            await scripted.WriteAsync(context, context.RequestAborted);
            return;
        }

        var max = int.TryParse(context.Request.Query["max_results"], out var m) ? m : 10;
        var start = int.TryParse(context.Request.Query["start"], out var s) ? s : 0;
        List<FakeArxivPaper> matches;
        var idList = context.Request.Query["id_list"].ToString();
        if (idList.Length > 0)
        {
            var ids = idList.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.FirstOrDefault(id => !IdPattern().IsMatch(id)) is { } bad)
            {
                await WriteAtomAsync(context, ArxivAtomWriter.Error(query, $"incorrect id format for {bad}"));
                return;
            }

            matches = ids.Select(id => VersionSuffix().Replace(id, "")).Select(id => papers.GetValueOrDefault(id)).OfType<FakeArxivPaper>().ToList();
        }
        else
        {
            var phrases = Phrases(context.Request.Query["search_query"].ToString());
            lock (order)
            {
                matches = order.Where(p => phrases.Any(phrase => ContainsPhrase(Words(p.Title), phrase))).ToList();
            }
        }

        await WriteAtomAsync(context, ArxivAtomWriter.Feed(query, matches.Count, start, matches.Skip(start).Take(max).ToList()));
    }

    private static Task WriteAtomAsync(HttpContext context, string xml)
    {
        context.Response.ContentType = "application/atom+xml; charset=utf-8";
        return context.Response.WriteAsync(xml);
    }

    private static List<string[]> Phrases(string searchQuery) =>
        PhraseTerm().Matches(searchQuery).Select(m => Words(m.Groups["phrase"].Value)).Where(w => w.Length > 0).ToList();

    private static bool ContainsPhrase(string[] title, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= title.Length; i++)
        {
            if (title.AsSpan(i, phrase.Length).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>arXiv's search tokenises on anything but letters and digits, case-insensitively.</summary>
    private static string[] Words(string text) => NonWord().Split(text.ToLowerInvariant()).Where(w => w.Length > 0).ToArray();

    [GeneratedRegex(@"ti:""(?<phrase>[^""]*)""")]
    private static partial Regex PhraseTerm();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"^(\d{4}\.\d{4,5}|[a-z\-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"v\d+$")]
    private static partial Regex VersionSuffix();
}
