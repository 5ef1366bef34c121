using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Azure.Data.Tables;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>What the Table service rejects or mangles is refused before a write is sent, naming what is wrong.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class EntityRulesTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("tab\there")]
    [InlineData("del\u007f")]
    [InlineData("c1\u0085")]
    public async Task AddIfAbsent_ForbiddenCharacterInKey_IsRefusedAndNothingIsStored(string key)
    {
        var table = await azurite.CreateTableAsync("badkey");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddIfAbsentAsync(new TableEntity("p", key)));

        Assert.Contains("RowKey", error.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task AddIfAbsent_KeyOverOneKibibyte_IsRefused()
    {
        var table = await azurite.CreateTableAsync("longkey");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddIfAbsentAsync(new TableEntity(new string('k', 513), "r")));

        Assert.Contains("PartitionKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bell", new[] { 'a', '\u0007' })]
    [InlineData("nul", new[] { '\u0000' })]
    [InlineData("lone high surrogate", new[] { 'a', '\ud83d', 'b' })]
    [InlineData("reversed pair", new[] { '\ude00', '\ud83d' })]
    [InlineData("trailing high surrogate", new[] { 'a', '\ud83d' })]
    public async Task Upsert_ControlCharacterOrLoneSurrogateInValue_IsRefusedNamingTheProperty(string why, char[] value)
    {
        // Passed as char[]: xunit would replace a lone surrogate in a string argument with U+FFFD.
        var table = await azurite.CreateTableAsync("badvalue");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.UpsertAsync(new TableEntity("p", "r") { ["Summary"] = new string(value) }, TableUpdateMode.Replace));

        Assert.True(error.Message.Contains("'Summary'", StringComparison.Ordinal), why);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task AddIfAbsent_StringOver64KiB_IsRefusedWithTheLimit()
    {
        var table = await azurite.CreateTableAsync("hugetext");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.AddIfAbsentAsync(new TableEntity("p", "r") { ["Content"] = new string('字', 32_769) }));

        Assert.Contains("'Content'", error.Message, StringComparison.Ordinal);
        Assert.Contains("32768", error.Message.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddIfAbsent_StringOfExactly32KCharacters_IsStored()
    {
        var table = await azurite.CreateTableAsync("edgetext");

        Assert.True(await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["Content"] = new string('a', 32_768) }));

        Assert.Equal(32_768, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Content")!.Length);
    }

    [Fact]
    public async Task AddIfAbsent_EntityOverOneMebibyte_IsRefused()
    {
        var table = await azurite.CreateTableAsync("hugeentity");
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++)
        {
            entity[$"Part{i}"] = new string('x', 32_000);
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddIfAbsentAsync(entity));

        Assert.Contains("1,048,576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddIfAbsent_MoreThan252Properties_IsRefused()
    {
        var table = await azurite.CreateTableAsync("manyprops");
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity[$"P{i}"] = i;
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddIfAbsentAsync(entity));

        Assert.Contains("252", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddIfAbsent_252PropertiesAfterAReadBack_CountsOnlyOurOwn()
    {
        // An entity read back also carries PartitionKey, RowKey, Timestamp and its ETag in the dictionary.
        var table = await azurite.CreateTableAsync("fullprops");
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 252; i++)
        {
            entity[$"P{i}"] = i;
        }

        await table.AddIfAbsentAsync(entity);
        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.True(await table.UpdateIfUnchangedAsync(stored, stored.ETag, TableUpdateMode.Replace));
    }

    [Fact]
    public async Task AddIfAbsent_DateBefore1601_IsRefusedNamingTheProperty()
    {
        var table = await azurite.CreateTableAsync("olddate");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.AddIfAbsentAsync(new TableEntity("p", "r") { ["Published"] = default(DateTimeOffset) }));

        Assert.Contains("'Published'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitIfConsistent_101Actions_IsRefusedBeforeSending()
    {
        var table = await azurite.CreateTableAsync("tx101");
        var actions = Enumerable.Range(0, 101)
            .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"{i:D3}")))
            .ToList();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitIfConsistentAsync(actions));

        Assert.Contains("101", error.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task SubmitIfConsistent_EmptyOrTwoPartitionsOrRepeatedRow_IsRefused()
    {
        var table = await azurite.CreateTableAsync("txshape");

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitIfConsistentAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitIfConsistentAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "1")),
            new(TableTransactionActionType.Add, new TableEntity("q", "2")),
        ]));
        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitIfConsistentAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "1")),
            new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "1")),
        ]));
    }

    [Fact]
    public async Task SubmitIfConsistent_OneInvalidEntity_IsRefusedAndNothingIsStored()
    {
        var table = await azurite.CreateTableAsync("txinvalid");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitIfConsistentAsync(
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "good") { ["Title"] = "fine" }),
            new(TableTransactionActionType.Add, new TableEntity("p", "bad") { ["Title"] = "bell\u0007" }),
        ]));

        Assert.Contains("'Title'", error.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }
}
