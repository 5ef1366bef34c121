using Aggregator.AzureStorage.Tables;
using Aggregator.Testing.Azurite;
using Azure;

namespace Aggregator.AzureStorage.Tests.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class TableClientEntityTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CreateIfNotExists_CalledTwice_SucceedsBothTimes()
    {
        var table = await azurite.CreateTableAsync("twice");

        var again = await table.CreateIfNotExistsAsync();

        Assert.Equal(table.Name, again.Value.Name);
        Assert.Equal(409, again.GetRawResponse().Status);
    }

    [Fact]
    public async Task GetEntityIfExists_Missing_HasNoValueAndDoesNotThrow()
    {
        var table = await azurite.CreateTableAsync("miss");

        var result = await table.GetEntityIfExistsAsync<TableEntity>("p", "absent");

        Assert.False(result.HasValue);
        Assert.Equal(404, result.GetRawResponse().Status);
    }

    [Fact]
    public async Task GetEntity_Missing_ThrowsNotFound()
    {
        var table = await azurite.CreateTableAsync("missthrow");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync<TableEntity>("p", "absent"));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task GetEntityIfExists_TableMissing_Throws()
    {
        var table = azurite.TableService.GetTableClient("nosuchtable" + Guid.NewGuid().ToString("N")[..8]);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task AddEntity_Twice_ThrowsAlreadyExistsWithStatusAndCode()
    {
        var table = await azurite.CreateTableAsync("addtwice");
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Title"] = "first" });

        var error = await Assert.ThrowsAsync<TableEntityAlreadyExistsException>(
            () => table.AddEntityAsync(new TableEntity("p", "r") { ["Title"] = "second" }));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        var stored = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal("first", stored.Value.GetString("Title"));
    }

    [Fact]
    public async Task UpsertEntity_Merge_KeepsPropertiesTheNewEntityLacks()
    {
        var table = await azurite.CreateTableAsync("merge");
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2", ["C"] = "c" }, TableUpdateMode.Merge);

        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Equal(("a", "b2", "c"), (stored.GetString("A"), stored.GetString("B"), stored.GetString("C")));
    }

    [Fact]
    public async Task UpsertEntity_Replace_DropsPropertiesTheNewEntityLacks()
    {
        var table = await azurite.CreateTableAsync("replace");
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Replace);

        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.False(stored.ContainsKey("A"));
        Assert.Equal("b2", stored.GetString("B"));
    }

    [Fact]
    public async Task UpsertEntity_Missing_Inserts()
    {
        var table = await azurite.CreateTableAsync("upsertnew");

        await table.UpsertEntityAsync(new TableEntity("p", "new") { ["A"] = 1 });

        Assert.Equal(1, (await table.GetEntityAsync<TableEntity>("p", "new")).Value.GetInt32("A"));
    }

    [Fact]
    public async Task UpdateEntity_StaleETag_ThrowsConcurrencyAndETagAllForces()
    {
        var table = await azurite.CreateTableAsync("etag");
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var first = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        var second = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        first["V"] = 2;
        await table.UpdateEntityAsync(first, first.ETag);

        second["V"] = 3;
        var error = await Assert.ThrowsAsync<TableConcurrencyException>(() => table.UpdateEntityAsync(second, second.ETag));
        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));

        await table.UpdateEntityAsync(second, ETag.All, TableUpdateMode.Replace);
        Assert.Equal(3, (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetInt32("V"));
    }

    [Fact]
    public async Task UpdateEntity_ResponseETag_IsTheNewVersion()
    {
        var table = await azurite.CreateTableAsync("newetag");
        var added = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var entity = new TableEntity("p", "r") { ["V"] = 2 };

        var updated = await table.UpdateEntityAsync(entity, added.Headers.ETag!.Value);

        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;
        Assert.Equal(updated.Headers.ETag, stored.ETag);
        Assert.NotEqual(added.Headers.ETag, stored.ETag);
    }

    [Fact]
    public async Task DeleteEntity_Existing_RemovesIt()
    {
        var table = await azurite.CreateTableAsync("delete");
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var response = await table.DeleteEntityAsync("p", "r");

        Assert.Equal(204, response.Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task DeleteEntity_Missing_IsNotAnError()
    {
        var table = await azurite.CreateTableAsync("deletemiss");

        var response = await table.DeleteEntityAsync("p", "absent");

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task DeleteEntity_StaleETag_ThrowsConcurrency()
    {
        var table = await azurite.CreateTableAsync("deleteetag");
        var added = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 });
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.DeleteEntityAsync("p", "r", added.Headers.ETag!.Value));

        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task DeleteTable_RemovesTableAndMissingTableIsNotAnError()
    {
        var service = azurite.TableService;
        var table = await azurite.CreateTableAsync("droptable");

        await service.DeleteTableAsync(table.Name);
        var again = await service.DeleteTableAsync(table.Name);

        Assert.Equal(404, again.Status);
        await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityIfExistsAsync<TableEntity>("p", "r"));
    }
}
