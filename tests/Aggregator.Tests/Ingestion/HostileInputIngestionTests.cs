using System.Text;
using Aggregator.Ingestion;
using Aggregator.Storage;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Http;
using Aggregator.Testing.Paths;

namespace Aggregator.Tests.Ingestion;

/// <summary>
/// One hostile source at a time, next to a good one, over the real composition: the run finishes, the good source is
/// ingested, and the hostile one is either refused with its reason recorded on the source's state, or held harmlessly
/// (defused markup, repaired text) without anything it tried to smuggle in.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class HostileInputIngestionTests(AzuriteFixture azurite)
{
    private const string GoodId = "good";
    private const string HostileId = "hostile";
    private const int ByteCap = 1024 * 1024;

    private const string BillionLaughsDtd = """
        <!DOCTYPE rss [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        """;

    [Theory]
    [InlineData("/gone.xml", "returned 404 Not Found")]
    [InlineData("/error.xml", "returned 500 Internal Server Error")]
    [InlineData("/empty.xml", "The document is empty.")]
    [InlineData("/page.html", "The document is an HTML page, not a feed.")]
    [InlineData("/huge.xml", "The document is not a readable feed")]
    [InlineData("/gzip-bomb.xml", "The document is not a readable feed")]
    [InlineData("/trickle.xml", "did not complete within 2 s; the body was still arriving")]
    [InlineData("/loop-a", "redirects in a loop")]
    [InlineData("/to-file", "only http and https redirects are followed, not file:")]
    [InlineData("/to-gopher", "only http and https redirects are followed, not gopher:")]
    public async Task HostileSource_FailsAloneWithItsReasonRecorded(string path, string reason)
    {
        await using var server = await StartAsync();
        await using var harness = Harness(server, path);

        var report = await harness.RunAsync();

        AssertGoodSourceIngested(report);
        var hostile = report.Sources.Single(s => s.SourceId == HostileId);
        Assert.True(hostile.Outcome == SourceOutcome.Failed, $"{path}: {hostile.Outcome} {hostile.Message}");
        var state = await harness.States.GetAsync(HostileId);
        Assert.False(string.IsNullOrWhiteSpace(state!.LastError));
        Assert.Equal(1, state.FailureCount);
        Assert.True(state.NextAttempt > DateTimeOffset.UtcNow, "a failed source backs off");
        Assert.Contains(reason, state.LastError, StringComparison.Ordinal);

        Assert.Empty(await HostilePostsAsync(harness));
    }

    [Theory]
    [InlineData("/xxe-file.xml")]
    [InlineData("/xxe-http.xml")]
    [InlineData("/billion-laughs.xml")]
    public async Task EntityTricks_AreDefused_NothingIsReadOrRequestedOrExpanded(string path)
    {
        await using var server = await StartAsync();
        await using var harness = Harness(server, path);

        var report = await harness.RunAsync();

        AssertGoodSourceIngested(report);
        var hostile = report.Sources.Single(s => s.SourceId == HostileId);
        Assert.NotEqual(SourceOutcome.Skipped, hostile.Outcome);
        Assert.NotNull((await harness.States.GetAsync(HostileId))!.LastAttempt);
        Assert.Empty(server.RequestsTo("/xxe-target"));
        Assert.Empty(server.RequestsTo("/evil.dtd"));
        foreach (var post in await HostilePostsAsync(harness))
        {
            Assert.DoesNotContain("root:", post.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("XXE-FETCHED", post.Title + post.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("lollol", post.Title + post.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task InvalidUtf8_IsIngestedWithTheBadBytesReplaced()
    {
        await using var server = await StartAsync();
        await using var harness = Harness(server, "/invalid-utf8.xml");

        var report = await harness.RunAsync();

        AssertGoodSourceIngested(report);
        Assert.Equal(SourceOutcome.Ingested, report.Sources.Single(s => s.SourceId == HostileId).Outcome);
        var post = Assert.Single(await HostilePostsAsync(harness));
        Assert.Contains("Broken", post.Title, StringComparison.Ordinal);
        Assert.Contains("bytes survive", post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongDeclaredCharset_IsIngestedWithTheTextReadable()
    {
        // The header says ISO-8859-1, the body is UTF-8 Chinese: the bytes, not the label, must win.
        await using var server = await StartAsync();
        await using var harness = Harness(server, "/mislabelled.xml");

        var report = await harness.RunAsync();

        AssertGoodSourceIngested(report);
        Assert.Equal(SourceOutcome.Ingested, report.Sources.Single(s => s.SourceId == HostileId).Outcome);
        var post = Assert.Single(await HostilePostsAsync(harness));
        Assert.Contains("大语言模型", post.Title + post.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TooManyRequestsWithRetryAfter_IsHonoured_TheNextFetchWaits()
    {
        await using var server = await StartAsync();
        await using var harness = Harness(server, "/busy.xml");

        var first = await harness.RunAsync();
        var second = await harness.RunAsync();

        AssertGoodSourceIngested(first);
        Assert.Equal(SourceOutcome.Failed, first.Sources.Single(s => s.SourceId == HostileId).Outcome);
        Assert.Equal(SourceOutcome.Skipped, second.Sources.Single(s => s.SourceId == HostileId).Outcome);
        Assert.Single(server.RequestsTo("/busy.xml"));
        var state = await harness.States.GetAsync(HostileId);
        Assert.Contains("429 Too Many Requests", state!.LastError, StringComparison.Ordinal);
        Assert.True(state.NextAttempt >= DateTimeOffset.UtcNow.AddSeconds(3500), $"next attempt {state.NextAttempt:u} honours Retry-After: 3600");
    }

    private static void AssertGoodSourceIngested(IngestionReport report)
    {
        var good = report.Sources.Single(s => s.SourceId == GoodId);
        Assert.True(good.Outcome == SourceOutcome.Ingested, $"good: {good.Outcome} {good.Message}");
        Assert.True(good.NewPosts > 0);
    }

    private static async Task<IReadOnlyList<Post>> HostilePostsAsync(IngestionHarness harness) =>
        [.. (await harness.Posts.GetNewestAsync(new FeedQuery { Limit = 500 })).Where(p => p.SourceId == HostileId)];

    private IngestionHarness Harness(LoopbackServer server, string hostilePath) => new(
        azurite,
        [IngestionHarness.Feed(GoodId, server.Url("/good.xml")), IngestionHarness.Feed(HostileId, server.Url(hostilePath))],
        fetcher: o =>
        {
            o.Timeout = TimeSpan.FromSeconds(2);
            o.MaxBytes = ByteCap;
        });

    private static async Task<LoopbackServer> StartAsync()
    {
        var server = await LoopbackServer.StartAsync();
        var target = server.Url("/xxe-target");
        server.Map("/good.xml", LoopbackResponse.File(RepositoryPaths.InRoot("samples", "feeds", "paperweekly.xml"), "application/xml"));
        server.Map("/xxe-target", LoopbackResponse.Text("XXE-FETCHED", "text/plain"));
        server.Map("/evil.dtd", LoopbackResponse.Text($"<!ENTITY remote SYSTEM \"{target}\">", "application/xml-dtd"));
        server.Map("/gone.xml", LoopbackResponse.Status(404));
        server.Map("/error.xml", LoopbackResponse.Status(500));
        server.Map("/empty.xml", LoopbackResponse.Text(string.Empty, "application/rss+xml"));
        server.Map("/page.html", LoopbackResponse.Text(
            "<!DOCTYPE html><html><head><title>Not a feed</title></head><body><p>Just a <b>page</i></p></body></html>", "application/rss+xml"));
        server.Map("/huge.xml", LoopbackResponse.Huge(60L * 1024 * 1024, "application/rss+xml"));
        server.Map("/gzip-bomb.xml", LoopbackResponse.Huge(60L * 1024 * 1024, "application/rss+xml").WithContentEncoding("gzip"));
        server.Map("/trickle.xml", LoopbackResponse.Slow(bytesPerSecond: 1, totalBytes: 1_000, "application/rss+xml"));
        server.Map("/loop-a", LoopbackResponse.Redirect("/loop-b"));
        server.Map("/loop-b", LoopbackResponse.Redirect("/loop-a"));
        server.Map("/to-file", LoopbackResponse.Redirect("file:///etc/passwd"));
        server.Map("/to-gopher", LoopbackResponse.Redirect("gopher://127.0.0.1:70/1"));
        server.Map("/busy.xml", LoopbackResponse.Status(429, ("Retry-After", "3600")));
        server.Map("/xxe-file.xml", LoopbackResponse.Text(Rss(
            "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>", "Leak &xxe;", "<p>The file says: &xxe;</p>"), "application/rss+xml"));
        server.Map("/xxe-http.xml", LoopbackResponse.Text(Rss(
            $"<!DOCTYPE rss SYSTEM \"{server.Url("/evil.dtd")}\" [<!ENTITY xxe SYSTEM \"{target}\">]>", "Fetch &xxe; &remote;", "<p>&xxe;</p>"),
            "application/rss+xml"));
        server.Map("/billion-laughs.xml", LoopbackResponse.Text(Rss(BillionLaughsDtd, "&lol9;", "&lol9;"), "application/rss+xml"));
        server.Map("/invalid-utf8.xml", LoopbackResponse.Bytes(InvalidUtf8Feed(), "application/rss+xml; charset=utf-8"));
        server.Map("/mislabelled.xml", LoopbackResponse.Bytes(
            Encoding.UTF8.GetBytes(Rss("", "大语言模型的推理能力", "<p>大语言模型在长链推理上的表现取决于每一步的偏好信号。</p>", declaration: false)),
            "application/rss+xml; charset=iso-8859-1"));
        return server;
    }

    private static string Rss(string doctype, string title, string description, bool declaration = true) =>
        (declaration ? "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" : "") + doctype + """
        <rss version="2.0"><channel><title>Hostile</title><link>https://hostile.example/</link>
        <item><title>
        """ + title + "</title><link>https://hostile.example/1</link><guid>hostile-1</guid><description><![CDATA[" + description
        + "]]></description></item></channel></rss>";

    /// <summary>A feed declared UTF-8 with, where "MARK" stands, a lone continuation byte, an invalid byte and a cut-off sequence.</summary>
    private static byte[] InvalidUtf8Feed()
    {
        var parts = Rss("", "Broken MARK title", "<p>Some bytes survive the broken ones: MARK.</p>").Split("MARK");
        byte[] invalid = [0x80, 0xFF, 0xC3];
        return [.. parts.SelectMany((part, i) => (i == 0 ? Array.Empty<byte>() : invalid).Concat(Encoding.UTF8.GetBytes(part)))];
    }
}
