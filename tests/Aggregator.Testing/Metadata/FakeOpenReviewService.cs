using System.Collections.Concurrent;
using System.Text.Json;
using Aggregator.Testing.Http;
using Microsoft.AspNetCore.Http;

namespace Aggregator.Testing.Metadata;

/// <summary>
/// A loopback OpenReview API v2: <c>/notes?id=ID</c> answers that note, <c>/notes?forum=ID</c> the note and a review
/// reply (as the real forum query does), in the v2 shape where every content field is wrapped:
/// <c>"title": {"value": "…"}</c>. Unknown ids get <c>{"notes":[],"count":0}</c>. Queued raw responses go first.
/// </summary>
public sealed class FakeOpenReviewService : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, FakeOpenReviewNote> notes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LoopbackResponse> queued = new();

    private FakeOpenReviewService(LoopbackServer server) => Server = server;

    public LoopbackServer Server { get; }

    /// <summary>The API root to configure (ends with '/').</summary>
    public Uri ApiUrl => Server.BaseUri;

    public static async Task<FakeOpenReviewService> StartAsync(IEnumerable<FakeOpenReviewNote>? catalogue = null)
    {
        var service = new FakeOpenReviewService(await LoopbackServer.StartAsync());
        foreach (var note in catalogue ?? [])
        {
            service.Add(note);
        }

        service.Server.Map("/notes", service.HandleAsync);
        return service;
    }

    public FakeOpenReviewService Add(FakeOpenReviewNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        notes[note.Id] = note;
        return this;
    }

    public FakeOpenReviewService Enqueue(LoopbackResponse response)
    {
        queued.Enqueue(response);
        return this;
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        if (queued.TryDequeue(out var scripted))
        {
            await scripted.WriteAsync(context, context.RequestAborted);
            return;
        }

        var id = context.Request.Query["id"].ToString();
        var forum = context.Request.Query["forum"].ToString();
        var found = new List<object>();
        if (notes.TryGetValue(id.Length > 0 ? id : forum, out var note))
        {
            found.Add(Submission(note));
            if (forum.Length > 0)
            {
                found.Add(Review(note));
            }
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { notes = found, count = found.Count }));
    }

    private static object Submission(FakeOpenReviewNote note) => new
    {
        id = note.Id,
        forum = note.Id,
        number = 1234,
        cdate = note.CreatedMillis,
        mdate = note.CreatedMillis + 86_400_000,
        pdate = note.CreatedMillis + 10 * 86_400_000L,
        invitations = new[] { "ICLR.cc/2025/Conference/-/Submission" },
        domain = "ICLR.cc/2025/Conference",
        content = new Dictionary<string, object>
        {
            ["title"] = new { value = note.Title },
            ["authors"] = new { value = note.Authors },
            ["authorids"] = new { value = note.Authors.Select(a => "~" + a.Replace(' ', '_') + "1").ToArray() },
            ["abstract"] = new { value = note.Abstract },
            ["keywords"] = new { value = new[] { "preference optimization" } },
            ["venue"] = new { value = note.Venue },
            ["venueid"] = new { value = "ICLR.cc/2025/Conference" },
            ["pdf"] = new { value = $"/pdf/{note.Id}.pdf" },
        },
    };

    private static object Review(FakeOpenReviewNote note) => new
    {
        id = "rev" + note.Id,
        forum = note.Id,
        replyto = note.Id,
        cdate = note.CreatedMillis + 30 * 86_400_000L,
        invitations = new[] { "ICLR.cc/2025/Conference/Submission1234/-/Official_Review" },
        content = new Dictionary<string, object>
        {
            ["title"] = new { value = "Official review" },
            ["rating"] = new { value = 6 },
        },
    };
}
