using Aggregator.AzureStorage.Tables;
using Aggregator.Testing.Azurite;

namespace Aggregator.AzureStorage.Tests.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class EntityValidationTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("tab\there")]
    [InlineData("del\u007f")]
    [InlineData("c1\u0085")]
    public async Task AddEntity_ForbiddenCharacterInKey_IsRejectedBeforeSending(string key)
    {
        var table = await azurite.CreateTableAsync("badkey");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", key)));

        Assert.Contains("RowKey", error.Message, StringComparison.Ordinal);
        Assert.Empty(await table.QueryAsync<TableEntity>().ToListAsync());
    }

    [Fact]
    public async Task GetEntity_ForbiddenCharacterInKey_IsRejected()
    {
        var table = await azurite.CreateTableAsync("badget");

        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityIfExistsAsync<TableEntity>("a/b", "r"));
    }

    [Fact]
    public async Task AddEntity_KeyOverOneKibibyte_IsRejected()
    {
        var table = await azurite.CreateTableAsync("longkey");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(new string('k', 513), "r")));

        Assert.Contains("PartitionKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bell", new[] { 'a', '\u0007' })]
    [InlineData("nul", new[] { '\u0000' })]
    [InlineData("lone high surrogate", new[] { 'a', '\ud83d', 'b' })]
    [InlineData("reversed pair", new[] { '\ude00', '\ud83d' })]
    [InlineData("trailing high surrogate", new[] { 'a', '\ud83d' })]
    public async Task AddEntity_ControlCharacterOrLoneSurrogateInValue_IsRejectedNamingTheProperty(string why, char[] value)
    {
        // Passed as char[]: xunit would replace a lone surrogate in a string argument with U+FFFD.
        var table = await azurite.CreateTableAsync("badvalue");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Summary"] = new string(value) }));

        Assert.True(error.Message.Contains("'Summary'", StringComparison.Ordinal), why);
    }

    [Fact]
    public async Task AddEntity_StringOver64KiB_IsRejectedWithTheLimit()
    {
        var table = await azurite.CreateTableAsync("hugetext");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Content"] = new string('字', 32_769) }));

        Assert.Contains("'Content'", error.Message, StringComparison.Ordinal);
        Assert.Contains("32768", error.Message.Replace(",", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEntity_StringOfExactly32KCharacters_IsAccepted()
    {
        var table = await azurite.CreateTableAsync("edgetext");

        await table.AddEntityAsync(new TableEntity("p", "r") { ["Content"] = new string('a', 32_768) });

        Assert.Equal(32_768, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Content")!.Length);
    }

    [Fact]
    public async Task AddEntity_EntityOverOneMebibyte_IsRejected()
    {
        var table = await azurite.CreateTableAsync("hugeentity");
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++)
        {
            entity[$"Part{i}"] = new string('x', 32_000);
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));

        Assert.Contains("1,048,576", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEntity_MoreThan252Properties_IsRejected()
    {
        var table = await azurite.CreateTableAsync("manyprops");
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 253; i++)
        {
            entity[$"P{i}"] = i;
        }

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(entity));

        Assert.Contains("252", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEntity_DateBefore1601_IsRejectedNamingTheProperty()
    {
        var table = await azurite.CreateTableAsync("olddate");

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Published"] = default(DateTimeOffset) }));

        Assert.Contains("'Published'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TableClient_InvalidTableName_IsRejected()
    {
        var service = azurite.TableService;

        Assert.Throws<ArgumentException>(() => service.GetTableClient("1abc"));
        Assert.Throws<ArgumentException>(() => service.GetTableClient("ab"));
        Assert.Throws<ArgumentException>(() => service.GetTableClient("has-dash"));
    }
}
