using System.Collections.Concurrent;
using Aggregator.Papers;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>
/// Everything ingesting a post asks of storage, and reading a post or a paper by id, is a point read: never a query,
/// which Azure answers by scanning a partition and Azurite by scanning the whole table.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PointReadTests(AzuriteFixture azurite)
{
    // DedupeOptions.MaxDistance as ingestion passes it.
    private const int MaxDistance = 3;

    private static readonly DateTimeOffset T0 = new(2025, 4, 23, 5, 0, 0, TimeSpan.Zero);
    private static readonly PaperKey Arxiv = new(PaperKeyKind.Arxiv, "2406.18629");
    private static readonly PaperKey OpenReview = new(PaperKeyKind.OpenReview, "iLUcsecZJp");

    private readonly RequestLog log = new();

    [Fact]
    public async Task PostLookupsAddsAndReads_AreAllPointReads()
    {
        var store = new TablePostStore(StoreFactory.Tables(azurite, log));
        var text = PostSamples.ChineseArticle(200 * 1024);
        var post = PostSamples.Post("big", T0, text: text) with { Fingerprint = 0xF0F0_1234_5678_9ABCUL };
        // Shares a band with "big" (a candidate to compare) but is far from it (not a duplicate).
        await store.AddAsync(PostSamples.Post("other", T0) with { Fingerprint = 0xF0F0_EDCB_A987_6543UL }, ["url:https://example.org/other"], MaxDistance);
        log.Clear();

        Assert.Null(await store.FindByIdentityAsync(["url:https://example.org/big"]));
        Assert.Contains(await store.FindByFingerprintBandsAsync(post.Fingerprint), c => c.PostId == "other");
        Assert.Equal(PostAddOutcome.Added, (await store.AddAsync(post, ["url:https://example.org/big"], MaxDistance)).Outcome);
        await store.AddSourceAsync("big", new PostSource("csdn", "CSDN", "https://blog.csdn.net/x", T0), ["url:https://blog.csdn.net/x"]);
        await store.UpdateAsync(post with { Summary = "摘要" });
        var read = await store.GetAsync("big");

        Assert.Equal(text, read!.Text);
        Assert.NotEmpty(log.Reads);
        Assert.Empty(log.Queries);
    }

    [Fact]
    public async Task PaperLookupsSavesMergesAndReads_AreAllPointReads()
    {
        var store = new TablePaperStore(StoreFactory.Tables(azurite, log));
        var coverage = Enumerable.Range(0, 1_500)
            .Select(i => new PaperCoverage($"post{i:D4}", $"source{i % 7}", "来源", $"第 {i} 篇：逐步偏好优化", $"https://example.org/{i}", T0.AddMinutes(i)))
            .ToList();
        var old = PaperSamples.StepDpo("old", T0) with { Coverage = coverage };
        await store.SaveAsync(old, [Arxiv]);
        await store.SaveAsync(PaperSamples.StepDpo("young", T0.AddHours(1)) with { ArxivId = null, OpenReviewId = "iLUcsecZJp" }, [OpenReview]);
        log.Clear();

        var found = await store.FindByKeysAsync([Arxiv, OpenReview]);
        await store.MergeAsync(old with { OpenReviewId = "iLUcsecZJp" }, [Arxiv, OpenReview], found[OpenReview]);
        var viaAbsorbedId = await store.GetAsync("young");

        Assert.Equal("old", viaAbsorbedId!.Id);
        // A paper covered by more posts than one row holds keeps every one of them, in order.
        Assert.Equal(coverage.Select(c => c.PostId), viaAbsorbedId.Coverage.Select(c => c.PostId));
        Assert.Equal(7, viaAbsorbedId.SourceCount);
        Assert.NotEmpty(log.Reads);
        Assert.Empty(log.Queries);
    }

    /// <summary>Entity reads as they leave the client: a point read names its row, a query does not.</summary>
    private sealed class RequestLog : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<string> reads = new();

        public IEnumerable<string> Reads => reads;

        // "posts(PartitionKey='…',RowKey='…')" is a point read; "posts()" and "posts" with $filter are queries.
        public IEnumerable<string> Queries => reads.Where(r => !r.Contains("RowKey=", StringComparison.Ordinal) && !r.EndsWith("/Tables", StringComparison.Ordinal));

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get)
            {
                reads.Enqueue(Uri.UnescapeDataString(message.Request.Uri.ToUri().AbsolutePath + message.Request.Uri.Query));
            }
        }

        public void Clear() => reads.Clear();
    }
}
