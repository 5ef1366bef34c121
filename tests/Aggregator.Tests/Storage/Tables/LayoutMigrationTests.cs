using Azure.Data.Tables;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;

namespace Aggregator.Tests.Storage.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class LayoutMigrationTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset T0 = new(2025, 4, 23, 5, 0, 0, TimeSpan.Zero);
    private const ulong Fingerprint = 0xF0F0_1234_5678_9ABCUL;

    private readonly TableStoreOptions options = new() { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] };

    [Fact]
    public async Task Open_StoreWrittenWithTheFirstLayout_ReadsEveryPostPaperAndFingerprint()
    {
        var names = new TableNames(options.TablePrefix);
        foreach (var name in names.All)
        {
            await azurite.TableService.CreateTableIfNotExistsAsync(name);
        }

        var post = PostSamples.Post("legacy", T0, text: PostSamples.ChineseArticle(4 * 1024)) with { Fingerprint = Fingerprint };
        await WriteAsync(names.Posts, PostEntityMapper.ToEntities(post).Select(r => Renamed(r, r.RowKey
            .Replace("post-legacy", "post", StringComparison.Ordinal)
            .Replace("-legacy-", "-", StringComparison.Ordinal))));
        await WriteAsync(names.Papers,
        [
            new TableEntity("old", "paper") { ["Title"] = "Step-DPO", ["ArxivId"] = "2406.18629", ["FirstSeen"] = T0, ["LastSeen"] = T0, ["Updated"] = T0 },
            new TableEntity("old", "coverage-a") { ["PostId"] = "a", ["SourceId"] = "weibo", ["SourceName"] = "微博", ["PostTitle"] = "a", ["PostLink"] = "https://example.org/a", ["SeenAt"] = T0 },
            new TableEntity("old", "coverage-b") { ["PostId"] = "b", ["SourceId"] = "csdn", ["SourceName"] = "CSDN", ["PostTitle"] = "b", ["PostLink"] = "https://example.org/b", ["SeenAt"] = T0.AddHours(1) },
            new TableEntity("young", "paper") { ["MergedInto"] = "old" },
        ]);
        await WriteAsync(names.PostBands, Aggregator.Dedupe.TextFingerprint.BandKeys(Fingerprint).Select(b => new TableEntity(b, "legacy") { ["Fingerprint"] = unchecked((long)Fingerprint) }));

        var tables = new AggregatorTables(azurite.TableService, options);
        var posts = new TablePostStore(tables);
        var papers = new TablePaperStore(tables);

        var read = await posts.GetAsync("legacy");
        Assert.Equal(post.Text, read!.Text);
        Assert.Equal(post.ContentHtml, read.ContentHtml);
        Assert.Contains(await posts.FindByFingerprintBandsAsync(Fingerprint), c => c.PostId == "legacy" && c.Fingerprint == Fingerprint);
        var paper = await papers.GetAsync("young");
        Assert.Equal("old", paper!.Id);
        Assert.Equal(["a", "b"], paper.Coverage.Select(c => c.PostId));
        Assert.Equal(2, paper.SourceCount);
        // The old rows are gone, so nothing is read twice.
        Assert.Empty(await RowsAsync(names.Posts, "RowKey eq 'post'"));
        Assert.Empty(await RowsAsync(names.Papers, "RowKey eq 'coverage-a'"));
        Assert.DoesNotContain(await RowsAsync(names.PostBands, null), r => r.PartitionKey.Length == 7);
    }

    [Fact]
    public async Task Open_TwiceAfterMigrating_LeavesTheStoreAsItWas()
    {
        var tables = new AggregatorTables(azurite.TableService, options);
        await new TablePostStore(tables).AddAsync(PostSamples.Post("p", T0) with { Fingerprint = Fingerprint }, ["url:p"], maxFingerprintDistance: 3);

        var reopened = new TablePostStore(new AggregatorTables(azurite.TableService, options));

        Assert.Equal("正文", (await reopened.GetAsync("p"))!.Text);
        Assert.Single(await reopened.FindByFingerprintBandsAsync(Fingerprint));
    }

    private static TableEntity Renamed(TableEntity row, string rowKey) => new(row) { RowKey = rowKey };

    private async Task WriteAsync(string table, IEnumerable<TableEntity> rows)
    {
        var client = azurite.TableService.GetTableClient(table);
        foreach (var row in rows)
        {
            await client.UpsertEntityAsync(row, TableUpdateMode.Replace);
        }
    }

    private async Task<List<TableEntity>> RowsAsync(string table, string? filter)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.TableService.GetTableClient(table).QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }
}
