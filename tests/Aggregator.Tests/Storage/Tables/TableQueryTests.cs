using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Azure.Data.Tables;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>Queries as the stores build them: filters from TableClient.CreateQueryFilter, pages followed to the end.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Query_MoreThanOneServicePage_FollowsContinuationToTheEnd()
    {
        var table = await azurite.CreateTableAsync("manyrows");
        for (var batch = 0; batch < 11; batch++)
        {
            var actions = Enumerable.Range(batch * 100, 100)
                .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D5}") { ["N"] = i }));
            Assert.True(await table.SubmitIfConsistentAsync(actions.ToList()));
        }

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        var pages = await table.QueryAsync<TableEntity>().AsPages().ToListAsync();

        Assert.Equal(1_100, rows.Count);
        Assert.Equal(Enumerable.Range(0, 1_100), rows.Select(r => r.GetInt32("N")!.Value));
        Assert.True(pages.Count >= 2, $"expected the service to page 1,100 rows, got {pages.Count} page(s)");
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
    }

    [Fact]
    public async Task Query_MaxPerPage_SetsThePageSizeAndStillReturnsEverything()
    {
        var table = await azurite.CreateTableAsync("top");
        Assert.True(await table.SubmitIfConsistentAsync(Enumerable.Range(0, 25)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D3}"))).ToList()));

        var pages = await table.QueryAsync<TableEntity>(maxPerPage: 10).AsPages().ToListAsync();

        Assert.Equal([10, 10, 5], pages.Select(p => p.Values.Count));
    }

    [Fact]
    public async Task Query_Select_ReturnsOnlyTheNamedProperties()
    {
        var table = await azurite.CreateTableAsync("qselect");
        await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["Title"] = "t", ["Body"] = "b" });

        var row = Assert.Single(await table.QueryAsync<TableEntity>(select: ["RowKey", "Title"]).ToListAsync());

        Assert.Equal("t", row.GetString("Title"));
        Assert.Equal("r", row.RowKey);
        Assert.False(row.ContainsKey("Body"));
    }

    [Fact]
    public async Task Query_FilterOnTypedValues_MatchesOnlyTheRightRows()
    {
        var table = await azurite.CreateTableAsync("typedfilter");
        var cutoff = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await table.AddIfAbsentAsync(new TableEntity("p", "old") { ["When"] = cutoff.AddDays(-1), ["Size"] = 10L, ["Id"] = Guid.NewGuid(), ["Score"] = 1.0 });
        await table.AddIfAbsentAsync(new TableEntity("p", "new") { ["When"] = cutoff.AddDays(1), ["Size"] = 5_000_000_000L, ["Id"] = id, ["Score"] = 2.0 });

        async Task<string[]> Rows(FormattableString filter) =>
            (await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter(filter)).ToListAsync()).Select(e => e.RowKey).ToArray();

        Assert.Equal(["new"], await Rows($"When gt {cutoff}"));
        Assert.Equal(["new"], await Rows($"Size gt {4_000_000_000L}"));
        Assert.Equal(["new"], await Rows($"Id eq {id}"));
        Assert.Equal(["new"], await Rows($"Score ge {2.0}"));
        Assert.Equal(["new"], await Rows($"PartitionKey eq {"p"} and RowKey eq {"new"}"));
    }

    [Fact]
    public async Task Query_TitleWithQuotesAndFilterSyntax_MatchesOnlyItself()
    {
        var table = await azurite.CreateTableAsync("inject");
        const string Hostile = "O'Brien' or PartitionKey ne '";
        await table.AddIfAbsentAsync(new TableEntity("p", "hostile") { ["Title"] = Hostile });
        await table.AddIfAbsentAsync(new TableEntity("p", "plain") { ["Title"] = "O" });
        await table.AddIfAbsentAsync(new TableEntity("q", "other") { ["Title"] = "Brien" });

        var filter = TableClient.CreateQueryFilter($"Title eq {Hostile}");
        var rows = await table.QueryAsync<TableEntity>(filter).ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal("hostile", row.RowKey);
        Assert.Equal(Hostile, row.GetString("Title"));
    }

    [Fact]
    public async Task Query_ChineseAndEmojiTitle_MatchesExactly()
    {
        var table = await azurite.CreateTableAsync("zhfilter");
        await table.AddIfAbsentAsync(new TableEntity("p", "1") { ["Title"] = "多模态大模型综述 🚀" });
        await table.AddIfAbsentAsync(new TableEntity("p", "2") { ["Title"] = "多模态大模型综述" });

        var rows = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"Title eq {"多模态大模型综述 🚀"}")).ToListAsync();

        Assert.Equal("1", Assert.Single(rows).RowKey);
    }

    [Fact]
    public async Task Query_NoMatches_IsEmpty()
    {
        var table = await azurite.CreateTableAsync("nomatch");

        var rows = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"nothing"}")).ToListAsync();

        Assert.Empty(rows);
    }
}
