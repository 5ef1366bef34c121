using Aggregator.Enrichment;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Http;
using Aggregator.Testing.Metadata;

namespace Aggregator.Tests.Enrichment;

/// <summary>The enrichment stage against loopback arXiv and OpenReview, storing on Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PaperEnricherTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Enrich_ArxivIds_AreFetchedInBatchesAndStoredOnThePaper()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite, o => o.ArxivIdBatchSize = 2);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        var ids = new List<string> { await rig.MentionAsync("p0", "weibo", arxiv: "2305.18290") };
        for (var i = 1; i <= 4; i++)
        {
            rig.Arxiv.Add(MetadataSamples.Numbered(i));
            ids.Add(await rig.MentionAsync($"p{i}", "weibo", arxiv: MetadataSamples.Numbered(i).Id));
        }

        var report = await rig.EnrichAsync();

        var idLists = rig.Arxiv.Requests.Select(r => r.Query).Where(q => q.StartsWith("id_list=", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, idLists.Count);
        Assert.Equal([2, 2, 1], idLists.Select(q => q.Split('&')[0]["id_list=".Length..].Split(',').Length));
        Assert.Equal(5, report.Enriched);
        var dpo = await rig.PaperAsync(ids[0]);
        Assert.Equal(MetadataSamples.DpoTitle, dpo.Title);
        Assert.Equal(MetadataSamples.Dpo.Authors, dpo.Authors);
        Assert.StartsWith("While large-scale unsupervised language models", dpo.Abstract, StringComparison.Ordinal);
        Assert.Equal("cs.LG", dpo.PrimaryCategory);
        Assert.Equal(new DateTimeOffset(2023, 5, 29, 17, 57, 46, TimeSpan.Zero), dpo.FirstVersionDate);
        Assert.Equal("https://arxiv.org/pdf/2305.18290", dpo.PdfUrl);
        Assert.Equal(3, dpo.LatestArxivVersion);
        Assert.NotNull(dpo.Lookup.ArxivFetched);
    }

    [Fact]
    public async Task Enrich_PaperAlreadyAnswered_IsNeverFetchedAgain()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        var id = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");
        await rig.EnrichAsync();
        var requests = rig.Arxiv.Requests.Count;

        // A later mention saves the paper again: it must stay answered.
        await rig.MentionAsync("b", "csdn", arxiv: "2305.18290", title: "DPO 论文解读：你的语言模型其实是奖励模型");
        rig.Clock.Advance(TimeSpan.FromDays(30));
        var second = await rig.EnrichAsync();

        Assert.Equal(1, requests);
        Assert.Equal(requests, rig.Arxiv.Requests.Count);
        Assert.Equal(0, second.Papers);
        Assert.Equal(MetadataSamples.DpoTitle, (await rig.PaperAsync(id)).Title);
    }

    [Fact]
    public async Task Enrich_ArxivRequests_AreSpacedByTheRateGate()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite, o => o.ArxivIdBatchSize = 1);
        for (var i = 1; i <= 4; i++)
        {
            rig.Arxiv.Add(MetadataSamples.Numbered(i));
            await rig.MentionAsync($"p{i}", "weibo", arxiv: MetadataSamples.Numbered(i).Id);
        }

        await rig.EnrichAsync();

        var times = rig.Arxiv.Requests.Select(r => r.At).ToList();
        Assert.Equal(4, times.Count);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(3), $"requests {pair.First:O} and {pair.Second:O} are under 3 s apart"));
    }

    [Fact]
    public async Task Enrich_SendsTheDescriptiveUserAgent()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite, o => o.Contact = "mailto:feeds@example.org");
        rig.Arxiv.Add(MetadataSamples.Dpo);
        await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");

        await rig.EnrichAsync();

        var agent = rig.Arxiv.Server.Requests.Single().Header("User-Agent");
        Assert.Equal(EnrichmentOptions.DefaultUserAgent + " +mailto:feeds@example.org", agent);
    }

    [Fact]
    public async Task Enrich_503WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        rig.Arxiv.Enqueue(LoopbackResponse.Status(503, ("Retry-After", "20")));
        var id = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");

        var report = await rig.EnrichAsync();

        var times = rig.Arxiv.Requests.Select(r => r.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(20), $"retried after {times[1] - times[0]}");
        Assert.Equal(1, report.Enriched);
        var paper = await rig.PaperAsync(id);
        Assert.Equal(MetadataSamples.DpoTitle, paper.Title);
        Assert.Equal(0, paper.Lookup.Attempts);
    }

    [Fact]
    public async Task Enrich_502WithoutRetryAfter_RetriesAfterFiveThenTenSecondsThenSucceeds()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        rig.Arxiv.Enqueue(LoopbackResponse.Status(502)).Enqueue(LoopbackResponse.Status(502));
        var id = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");

        var report = await rig.EnrichAsync();

        var times = rig.Arxiv.Requests.Select(r => r.At).ToList();
        Assert.Equal(3, times.Count);
        Assert.True(times[1] - times[0] >= TimeSpan.FromSeconds(5), $"first retry after {times[1] - times[0]}");
        Assert.True(times[2] - times[1] >= TimeSpan.FromSeconds(10), $"second retry after {times[2] - times[1]}");
        Assert.Equal(1, report.Enriched);
        Assert.Equal(MetadataSamples.DpoTitle, (await rig.PaperAsync(id)).Title);
    }

    [Fact]
    public async Task Enrich_429WithRetryAfterAsADate_WaitsUntilThenSucceeds()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        var id = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");
        var until = rig.Clock.GetUtcNow().AddSeconds(45);
        rig.Arxiv.Enqueue(LoopbackResponse.Status(429, ("Retry-After", until.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));

        var report = await rig.EnrichAsync();

        var times = rig.Arxiv.Requests.Select(r => r.At).ToList();
        Assert.Equal(2, times.Count);
        Assert.True(times[1] >= until.AddSeconds(-1), $"retried at {times[1]:O}, Retry-After was {until:O}");
        Assert.Equal(1, report.Enriched);
        Assert.Equal(MetadataSamples.DpoTitle, (await rig.PaperAsync(id)).Title);
    }

    [Fact]
    public async Task Enrich_OneMalformedIdInABatch_FailsOnlyThatPaper()
    {
        // arXiv refuses a whole id_list for one id it calls malformed; the others must not share its failure.
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo).Add(MetadataSamples.Kto);
        var dpo = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");
        var bad = await rig.MentionAsync("b", "csdn", arxiv: "2402.013");
        var kto = await rig.MentionAsync("c", "wechat", arxiv: MetadataSamples.Kto.Id);

        var report = await rig.EnrichAsync();

        Assert.Equal(2, report.Enriched);
        Assert.Equal(1, report.Failed);
        Assert.Equal(MetadataSamples.DpoTitle, (await rig.PaperAsync(dpo)).Title);
        Assert.Equal(MetadataSamples.Kto.Title, (await rig.PaperAsync(kto)).Title);
        var refused = await rig.PaperAsync(bad);
        Assert.Contains("incorrect id format for 2402.013", refused.Lookup.LastError, StringComparison.Ordinal);
        Assert.Equal(1, refused.Lookup.Attempts);
        Assert.Equal(4, rig.Arxiv.Requests.Count);
    }

    [Fact]
    public async Task Enrich_SeveralTitles_AreSearchedInOneRequest()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo).Add(MetadataSamples.Kto).Add(MetadataSamples.SpeechAttention);
        var dpo = await rig.MentionAsync("a", "csdn", title: MetadataSamples.DpoTitle);
        var kto = await rig.MentionAsync("b", "csdn", title: MetadataSamples.Kto.Title);
        var nothing = await rig.MentionAsync("c", "csdn", title: "A Survey of Things Nobody Has Posted to arXiv");

        var report = await rig.EnrichAsync();

        var search = Assert.Single(rig.Arxiv.Requests);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(search.Query, "ti:\""));
        Assert.Contains(" OR ", search.Query, StringComparison.Ordinal);
        Assert.Equal(2, report.TitlesResolved);
        Assert.Equal("2305.18290", (await rig.PaperAsync(dpo)).ArxivId);
        Assert.Equal(MetadataSamples.Kto.Id, (await rig.PaperAsync(kto)).ArxivId);
        Assert.Null((await rig.PaperAsync(nothing)).ArxivId);
    }

    [Fact]
    public async Task Enrich_TitleCrowdedOutOfASharedAnswer_IsAskedAloneBeforeItIsCalledUnmatched()
    {
        // Twelve papers contain the phrase of a generic title: a shared search for two titles returns ten of the
        // thirteen matches, and the specific title's paper (added last) is not among them.
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        for (var i = 1; i <= 12; i++)
        {
            rig.Arxiv.Add(new FakeArxivPaper($"2403.{20000 + i:D5}", $"Preference Optimization for Large Language Models, Study {i}", [$"Author {i}"]));
        }

        rig.Arxiv.Add(MetadataSamples.Dpo);
        var generic = await rig.MentionAsync("a", "csdn", title: "Preference Optimization for Large Language Models");
        var dpo = await rig.MentionAsync("b", "csdn", title: MetadataSamples.DpoTitle);

        var report = await rig.EnrichAsync();

        // The shared search, then each title without a match in its cut-short answer alone.
        Assert.Equal(3, rig.Arxiv.Requests.Count);
        Assert.Contains("max_results=10", rig.Arxiv.Requests[0].Query, StringComparison.Ordinal);
        Assert.All(rig.Arxiv.Requests.Skip(1), r => Assert.Contains($"max_results={ArxivClient.ResultsForALoneTitle}", r.Query, StringComparison.Ordinal));
        Assert.Equal("2305.18290", (await rig.PaperAsync(dpo)).ArxivId);
        Assert.Equal(1, report.TitlesResolved);
        var unmatched = await rig.PaperAsync(generic);
        Assert.Null(unmatched.ArxivId);
        Assert.NotNull(unmatched.Lookup.TitleSearched);
    }

    [Fact]
    public async Task Enrich_RetryAfterBeyondTheBudget_RecordsTheFailureAndRetriesOnALaterRun()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        rig.Arxiv.Enqueue(LoopbackResponse.Status(503, ("Retry-After", "3600")));
        var id = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");

        var first = await rig.EnrichAsync(TimeSpan.FromMinutes(2));
        var failed = await rig.PaperAsync(id);
        var tooSoon = await rig.EnrichAsync();
        var requestsBeforeRetry = rig.Arxiv.Requests.Count;
        rig.Clock.Advance(TimeSpan.FromHours(1));
        var later = await rig.EnrichAsync();

        Assert.Equal(1, first.Failed);
        Assert.Equal(1, failed.Lookup.Attempts);
        Assert.Contains("503", failed.Lookup.LastError, StringComparison.Ordinal);
        Assert.True(failed.Lookup.NextAttempt >= EnrichmentRig.T0 + TimeSpan.FromHours(1), "the next attempt honours Retry-After");
        Assert.Equal(0, tooSoon.Papers);
        Assert.Equal(1, requestsBeforeRetry);
        Assert.Equal(1, later.Enriched);
        Assert.Equal(MetadataSamples.DpoTitle, (await rig.PaperAsync(id)).Title);
    }

    [Fact]
    public async Task Enrich_MalformedAtom_RecordsAClearErrorAndLosesNothing()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        rig.Arxiv.Enqueue(LoopbackResponse.Text("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>cut off", "application/atom+xml"));
        var id = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290", title: "DPO explained", authors: ["Rafael Rafailov"]);
        var before = await rig.PaperAsync(id);

        var report = await rig.EnrichAsync();
        var after = await rig.PaperAsync(id);

        Assert.Equal(1, report.Failed);
        Assert.Contains("not XML", after.Lookup.LastError, StringComparison.Ordinal);
        Assert.Equal(1, after.Lookup.Attempts);
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.Authors, after.Authors);
        Assert.Equal(before.Coverage, after.Coverage);
        Assert.Null(after.Lookup.ArxivFetched);
    }

    [Fact]
    public async Task Enrich_MalformedOpenReviewJson_RecordsAClearErrorThenSucceedsLater()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.OpenReview.Add(MetadataSamples.StepDpoNote).Enqueue(LoopbackResponse.Json("{\"notes\": {\"id\": 3}}"));
        var id = await rig.MentionAsync("a", "github", openReview: "H5FUVj0vMd");

        await rig.EnrichAsync();
        var failed = await rig.PaperAsync(id);
        rig.Clock.Advance(TimeSpan.FromHours(2));
        await rig.EnrichAsync();
        var enriched = await rig.PaperAsync(id);

        Assert.Contains("without a notes list", failed.Lookup.LastError, StringComparison.Ordinal);
        Assert.Equal(MetadataSamples.StepDpoNote.Title, enriched.Title);
        Assert.Equal(MetadataSamples.StepDpoNote.Authors, enriched.Authors);
        Assert.Equal("ICLR 2025 Conference Submission", enriched.Venue);
        Assert.Equal("https://openreview.net/pdf/H5FUVj0vMd.pdf", enriched.PdfUrl);
        Assert.Null(enriched.Lookup.LastError);
    }

    [Fact]
    public async Task Enrich_TitleMatchingNothing_IsSearchedOnceAndKeepsItsTitle()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        var id = await rig.MentionAsync("a", "csdn", title: "A Survey of Things Nobody Has Posted to arXiv");

        var first = await rig.EnrichAsync();
        rig.Clock.Advance(TimeSpan.FromDays(3));
        await rig.EnrichAsync();

        var paper = await rig.PaperAsync(id);
        Assert.Single(rig.Arxiv.Requests);
        Assert.StartsWith("search_query=ti:\"a survey of things nobody has posted to arxiv\"", rig.Arxiv.Requests[0].Query, StringComparison.Ordinal);
        Assert.Equal(0, first.TitlesResolved);
        Assert.Null(paper.ArxivId);
        Assert.NotNull(paper.Lookup.TitleSearched);
        Assert.Equal("A Survey of Things Nobody Has Posted to arXiv", paper.Title);
    }

    [Fact]
    public async Task Enrich_NearMissTitle_IsRefused()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.SpeechAttention);
        var id = await rig.MentionAsync("a", "csdn", title: "Attention Is All You Need");

        var report = await rig.EnrichAsync();

        var paper = await rig.PaperAsync(id);
        Assert.Contains(rig.Arxiv.Requests, r => r.Query.Contains("attention is all you need", StringComparison.Ordinal));
        Assert.Equal(0, report.TitlesResolved);
        Assert.Null(paper.ArxivId);
        Assert.Equal("Attention Is All You Need", paper.Title);
    }

    [Fact]
    public async Task Enrich_SameTitleButOtherAuthors_IsRefused()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        var id = await rig.MentionAsync("a", "digest", title: MetadataSamples.DpoTitle, authors: ["Jane Doe", "John Roe"]);

        await rig.EnrichAsync();

        Assert.Null((await rig.PaperAsync(id)).ArxivId);
    }

    [Fact]
    public async Task Enrich_GreekLetterTitle_ResolvesToTheSpelledOutOne()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.BetaVae);
        var id = await rig.MentionAsync("a", "zhihu", title: "Understanding Disentangling in β-VAE");

        var report = await rig.EnrichAsync();

        Assert.Equal(1, report.TitlesResolved);
        var paper = await rig.PaperAsync(id);
        Assert.Equal("1804.03599", paper.ArxivId);
        Assert.Equal("Understanding disentangling in beta-VAE", paper.Title);
    }

    [Fact]
    public async Task Enrich_ResolvedTitle_MergesTwoStoredPapersKeepingTheOlderId()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        var byTitle = await rig.MentionAsync("csdn-1", "csdn", title: MetadataSamples.DpoTitle);
        var byId = await rig.MentionAsync("blog-1", "blog", arxiv: "2305.18290");
        Assert.NotEqual(byTitle, byId);

        var report = await rig.EnrichAsync();

        Assert.Equal(1, report.TitlesResolved);
        Assert.Equal(1, report.Merged);
        var survivor = await rig.PaperAsync(byTitle);
        Assert.Equal(byTitle, survivor.Id);
        Assert.Equal(survivor.Id, (await rig.PaperAsync(byId)).Id);
        Assert.Equal("2305.18290", survivor.ArxivId);
        Assert.Equal(["csdn-1", "blog-1"], survivor.Coverage.Select(c => c.PostId));
        Assert.Equal(2, survivor.SourceCount);
        Assert.Equal(MetadataSamples.Dpo.Authors, survivor.Authors);
        Assert.Single(await rig.Store.GetNewestAsync(new FeedQuery()));
        // The search answered the metadata too: no id lookup was needed after it.
        Assert.Single(rig.Arxiv.Requests);
    }

    [Fact]
    public async Task Enrich_CanonicalTitle_MergesAPostTitleOnlyPaperOfThatTitle()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Kto);
        var byId = await rig.MentionAsync("blog-1", "blog", arxiv: "2402.01306");
        var laterMention = await rig.EnrichAsync();
        var byTitle = await rig.MentionAsync("csdn-1", "csdn", title: "KTO: Model Alignment as Prospect Theoretic Optimization");

        Assert.Equal(1, laterMention.Enriched);
        Assert.Equal(byId, byTitle);
    }

    [Fact]
    public async Task Enrich_WhileAnotherInstanceRunsAPass_SkipsWithoutAskingAndRunsOnceItIsDone()
    {
        // arXiv's rate is per client: a second instance on the same store (another Functions instance serving
        // POST /api/ingest, a CLI) must not run a pass alongside, with a rate gate of its own.
        await using var rig = await EnrichmentRig.StartAsync(azurite);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        var id = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");
        var other = new TableWorkLease(rig.Tables, rig.Clock);
        var held = await other.TryAcquireAsync(PaperEnricher.LeaseName, TimeSpan.FromMinutes(5));

        var skipped = await rig.EnrichAsync();
        await other.ReleaseAsync(held!);
        var ran = await rig.EnrichAsync();
        var again = await new TableWorkLease(rig.Tables, rig.Clock).TryAcquireAsync(PaperEnricher.LeaseName, TimeSpan.FromMinutes(5));

        Assert.Equal("another instance is running a pass", skipped.Skipped);
        Assert.Equal(1, ran.Enriched);
        Assert.Single(rig.Arxiv.Requests);
        Assert.Equal(MetadataSamples.DpoTitle, (await rig.PaperAsync(id)).Title);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task Enrich_DataVersionBumpFails_KeepsWhatWasStoredAndSaysSoWithoutThrowing()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite, dataVersion: new UnbumpableDataVersion());
        rig.Arxiv.Add(MetadataSamples.Dpo);
        var id = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");

        var report = await rig.EnrichAsync();

        Assert.Equal(1, report.Enriched);
        Assert.Contains("data version could not be bumped", report.LastError, StringComparison.Ordinal);
        Assert.Equal(MetadataSamples.DpoTitle, (await rig.PaperAsync(id)).Title);
    }

    [Fact]
    public async Task Enrich_Disabled_SendsNothing()
    {
        await using var rig = await EnrichmentRig.StartAsync(azurite, o => o.Enabled = false);
        rig.Arxiv.Add(MetadataSamples.Dpo);
        await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");

        var report = await rig.EnrichAsync();

        Assert.NotNull(report.Skipped);
        Assert.Empty(rig.Arxiv.Requests);
    }

    [Fact]
    public async Task Enrich_ServiceUnreachable_StopsAskingAndRecordsNothing()
    {
        var closedPort = await ClosedPortAsync();
        await using var rig = await EnrichmentRig.StartAsync(azurite, o => o.ArxivQueryUrl = closedPort);
        var id = await rig.MentionAsync("a", "weibo", arxiv: "2305.18290");

        var report = await rig.EnrichAsync();

        Assert.Equal(0, report.Failed);
        Assert.Equal(1, report.ArxivRequests);
        var paper = await rig.PaperAsync(id);
        Assert.Equal(0, paper.Lookup.Attempts);
        Assert.Null(paper.Lookup.ArxivFetched);
    }

    private static async Task<Uri> ClosedPortAsync()
    {
        var server = await LoopbackServer.StartAsync();
        var url = server.Url("/api/query");
        await server.DisposeAsync();
        return url;
    }

    /// <summary>A data version whose bump fails, as storage failing just after the pass's writes would make it.</summary>
    private sealed class UnbumpableDataVersion : IDataVersion
    {
        public Task<string> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult("v1");

        public Task BumpAsync(CancellationToken cancellationToken = default) =>
            throw new Azure.RequestFailedException(503, "The server is busy.");
    }
}
