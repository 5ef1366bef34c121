using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Azure;
using Azure.Data.Tables;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>
/// The service's conditional answers are outcomes, not failures: 409 says "already there", 412 "changed since you read
/// it", 404 "gone". Concurrent writers coordinate through them, so each must come back as a result the caller acts on.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TableWritesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddIfAbsent_Twice_SecondIsFalseAndTheFirstValueStays()
    {
        var table = await azurite.CreateTableAsync("addtwice");

        Assert.True(await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["Title"] = "first" }));
        Assert.False(await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["Title"] = "second" }));

        Assert.Equal("first", (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Title"));
    }

    [Fact]
    public async Task AddIfAbsent_ManyConcurrentWriters_ExactlyOneWins()
    {
        var table = await azurite.CreateTableAsync("addrace");

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            table.AddIfAbsentAsync(new TableEntity("p", "claim") { ["Writer"] = i })));

        Assert.Single(results, won => won);
        var winner = (await table.GetEntityAsync<TableEntity>("p", "claim")).Value.GetInt32("Writer");
        Assert.True(results[winner!.Value]);
    }

    [Fact]
    public async Task UpdateIfUnchanged_StaleETag_IsFalseAndLeavesTheNewerValue()
    {
        var table = await azurite.CreateTableAsync("stale");
        await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpsertAsync(new TableEntity("p", "r") { ["V"] = 2 }, TableUpdateMode.Replace);

        read["V"] = 3;
        Assert.False(await table.UpdateIfUnchangedAsync(read, read.ETag, TableUpdateMode.Replace));
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));

        Assert.True(await table.UpdateIfUnchangedAsync(read, ETag.All, TableUpdateMode.Replace));
        Assert.Equal(3, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task UpdateIfUnchanged_ConcurrentReadModifyWrite_WithRetryLosesNoIncrement()
    {
        var table = await azurite.CreateTableAsync("counter");
        await table.AddIfAbsentAsync(new TableEntity("p", "count") { ["N"] = 0 });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var row = (await table.GetEntityAsync<TableEntity>("p", "count")).Value;
                row["N"] = row.GetInt32("N")!.Value + 1;
                if (await table.UpdateIfUnchangedAsync(row, row.ETag, TableUpdateMode.Replace))
                {
                    return;
                }
            }

            Assert.Fail("no update landed in 50 attempts");
        }));

        Assert.Equal(8, (await table.GetEntityAsync<TableEntity>("p", "count")).Value.GetInt32("N"));
    }

    [Fact]
    public async Task UpdateIfUnchanged_RowDeleted_IsFalse()
    {
        var table = await azurite.CreateTableAsync("gone");
        await table.AddIfAbsentAsync(new TableEntity("p", "r"));
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.DeleteIfPresentAsync("p", "r");

        Assert.False(await table.UpdateIfUnchangedAsync(read, read.ETag, TableUpdateMode.Merge));
    }

    [Fact]
    public async Task DeleteIfPresent_ExistingThenMissing_IsTrueThenFalse()
    {
        var table = await azurite.CreateTableAsync("delete");
        await table.AddIfAbsentAsync(new TableEntity("p", "r"));

        Assert.True(await table.DeleteIfPresentAsync("p", "r"));
        Assert.False(await table.DeleteIfPresentAsync("p", "r"));
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task DeleteIfPresent_StaleETag_IsFalseAndKeepsTheRow()
    {
        var table = await azurite.CreateTableAsync("delstale");
        await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpsertAsync(new TableEntity("p", "r") { ["V"] = 2 }, TableUpdateMode.Replace);

        Assert.False(await table.DeleteIfPresentAsync("p", "r", read.ETag));
        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task SubmitIfConsistent_AddOfAnExistingRow_IsFalseAndCommitsNothing()
    {
        var table = await azurite.CreateTableAsync("txfail");
        await table.AddIfAbsentAsync(new TableEntity("p", "003") { ["Title"] = "original" });
        var actions = Enumerable.Range(0, 10)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D3}") { ["Title"] = "new" }))
            .ToList();

        Assert.False(await table.SubmitIfConsistentAsync(actions));

        var row = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.Equal("original", row.GetString("Title"));
    }

    [Fact]
    public async Task SubmitIfConsistent_StaleETag_IsFalseAndCommitsNothing()
    {
        var table = await azurite.CreateTableAsync("txetag");
        await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var read = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        await table.UpsertAsync(new TableEntity("p", "r") { ["V"] = 2 }, TableUpdateMode.Replace);

        Assert.False(await table.SubmitIfConsistentAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "other")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r") { ["V"] = 3 }, read.ETag),
        ]));

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(2, Assert.Single(rows).GetInt32("V"));
    }

    [Fact]
    public async Task SubmitIfConsistent_HundredChineseRows_CommitTogetherAndReadBackExactly()
    {
        var table = await azurite.CreateTableAsync("tx100");
        var titles = Enumerable.Range(0, 100).Select(i => $"大语言模型的推理能力：综述 第{i}篇 🚀 \"引号\" 'O'Brien'").ToList();

        Assert.True(await table.SubmitIfConsistentAsync(titles
            .Select((title, i) => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("论文", $"{i:D3}") { ["Title"] = title }))
            .ToList()));

        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(titles, rows.OrderBy(r => r.RowKey, StringComparer.Ordinal).Select(r => r.GetString("Title")));
    }

    [Fact]
    public async Task SubmitIfConsistent_TwentyRowsOfLongChineseText_RoundTripByteForByte()
    {
        // Twenty rows of five 30,000-character pieces: the shape of a long article's content rows.
        var table = await azurite.CreateTableAsync("txzh");
        var piece = string.Concat(Enumerable.Range(0, 30_000).Select(i => (char)('一' + (i * 7 % 20_000))));
        var actions = Enumerable.Range(0, 20).Select(i =>
        {
            var row = new TableEntity("p", $"html-{i:D4}");
            for (var k = 0; k < 5 && i < 3; k++)
            {
                row[$"P_{k}"] = piece;
            }

            row["P_n"] = i < 3 ? 5 : 0;
            return new TableTransactionAction(TableTransactionActionType.UpsertReplace, row);
        }).ToList();

        // Three full rows are about 2.7 MB as six-byte escapes: under the 4 MiB batch limit.
        Assert.True(await table.SubmitIfConsistentAsync(actions));

        var stored = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal(20, stored.Count);
        Assert.All(stored.Where(r => r.GetInt32("P_n") == 5), r => Assert.Equal(piece, r.GetString("P_4")));
    }
}
