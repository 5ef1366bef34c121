using Aggregator.AzureStorage.Tables;
using Aggregator.Testing.Azurite;
using Azure;

namespace Aggregator.AzureStorage.Tests.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TableClientTransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SubmitTransaction_HundredAdds_CommitTogether()
    {
        var table = await azurite.CreateTableAsync("tx100");

        var response = await table.SubmitTransactionAsync(Enumerable.Range(0, 100)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D3}") { ["Title"] = $"论文 {i}" })));

        Assert.Equal(100, response.Value.Count);
        Assert.All(response.Value, r => Assert.Equal(204, r.Status));
        Assert.Equal(100, await table.QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task SubmitTransaction_OneAddOfAnExistingRow_CommitsNothingAndNamesTheAction()
    {
        var table = await azurite.CreateTableAsync("txfail");
        await table.AddEntityAsync(new TableEntity("p", "003") { ["Title"] = "original" });
        var actions = Enumerable.Range(0, 10)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D3}") { ["Title"] = "new" }))
            .ToList();

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(actions));

        Assert.Equal(3, error.FailedTransactionActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        var rows = await table.QueryAsync<TableEntity>().ToListAsync();
        Assert.Equal("original", Assert.Single(rows).GetString("Title"));
    }

    [Fact]
    public async Task SubmitTransaction_MixedActions_AllApply()
    {
        var table = await azurite.CreateTableAsync("txmixed");
        await table.AddEntityAsync(new TableEntity("p", "merge") { ["A"] = "a", ["B"] = "b" });
        await table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = "a", ["B"] = "b" });
        await table.AddEntityAsync(new TableEntity("p", "delete"));
        var etag = (await table.GetEntityAsync<TableEntity>("p", "merge")).Value.ETag;

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["A"] = "new" }),
            new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["B"] = "b2" }, etag),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["B"] = "b2" }),
            new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsertmerge") { ["A"] = 1L }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsertreplace") { ["A"] = 2.0 }),
        ]);

        var rows = (await table.QueryAsync<TableEntity>().ToListAsync()).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "merge", "replace", "upsertmerge", "upsertreplace"], rows.Keys.Order());
        Assert.Equal(("a", "b2"), (rows["merge"].GetString("A"), rows["merge"].GetString("B")));
        Assert.False(rows["replace"].ContainsKey("A"));
        Assert.Equal(1L, rows["upsertmerge"]["A"]);
        Assert.Equal(2.0, rows["upsertreplace"]["A"]);
    }

    [Fact]
    public async Task SubmitTransaction_StaleETag_FailsWithPreconditionAndCommitsNothing()
    {
        var table = await azurite.CreateTableAsync("txetag");
        var added = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "other")),
            new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r") { ["V"] = 3 }, added.Headers.ETag!.Value),
        ]));

        Assert.Equal(412, error.Status);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "other")).HasValue);
    }

    [Fact]
    public async Task SubmitTransaction_101Actions_IsRejectedBeforeSending()
    {
        var table = await azurite.CreateTableAsync("tx101");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i}")))));

        Assert.Contains("100", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await table.QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task SubmitTransaction_EmptyOrTwoPartitionsOrRepeatedRow_IsRejected()
    {
        var table = await azurite.CreateTableAsync("txrules");

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([]));
        var partitions = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "1")),
            new(TableTransactionActionType.Add, new TableEntity("q", "2")),
        ]));
        Assert.Contains("one partition", partitions.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "1")),
            new(TableTransactionActionType.Delete, new TableEntity("p", "1")),
        ]));
    }

    [Fact]
    public async Task SubmitTransaction_BodyOver4MiB_IsRejectedBeforeSending()
    {
        var table = await azurite.CreateTableAsync("txhuge");
        var content = new string('文', 30_000);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 40)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i}") { ["C"] = content }))));

        Assert.Contains("4,194,304", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await table.QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task SubmitTransaction_InvalidEntity_IsRejectedBeforeSending()
    {
        var table = await azurite.CreateTableAsync("txinvalid");

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "ok")),
            new(TableTransactionActionType.Add, new TableEntity("p", "bad") { ["T"] = "\u0001" }),
        ]));

        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "ok")).HasValue);
    }

    [Fact]
    public async Task SubmitTransaction_ChineseKeysAndQuotes_Commit()
    {
        var table = await azurite.CreateTableAsync("txunicode");

        await table.SubmitTransactionAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("分区 🚀", "O'Brien") { ["T"] = "一" }),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("分区 🚀", "行 50%") { ["T"] = "二" }),
        ]);

        Assert.Equal("一", (await table.GetEntityAsync<TableEntity>("分区 🚀", "O'Brien")).Value.GetString("T"));
        Assert.Equal("二", (await table.GetEntityAsync<TableEntity>("分区 🚀", "行 50%")).Value.GetString("T"));
        await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("分区 🚀", "absent"));
    }
}
