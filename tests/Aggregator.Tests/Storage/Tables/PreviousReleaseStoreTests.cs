using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>
/// An upgrade loses nothing: a store written by the previous release's hand-written client, in its exact wire format,
/// opens with today's stores on the real Azure.Data.Tables client and reads back whole.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PreviousReleaseStoreTests(AzuriteFixture azurite)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task StoreWrittenByThePreviousClient_ReadsBackEveryPostPaperSourceAndVersion()
    {
        var prefix = "r" + Guid.NewGuid().ToString("N")[..6];
        var sent = await PreviousReleaseRequests.ReplayAsync(azurite.Process.TableEndpoint, prefix);
        var tables = new AggregatorTables(azurite.TableService, new TableStoreOptions { TablePrefix = prefix });
        var all = new FeedQuery { Limit = FeedQuery.MaxLimit };

        var actual = JsonSerializer.SerializeToNode(new
        {
            posts = await new TablePostStore(tables).GetNewestAsync(all),
            papers = await new TablePaperStore(tables).GetNewestAsync(all),
            sources = await new TableSourceStateStore(tables).ListAsync(),
            version = await new TableDataVersion(tables, TimeProvider.System).GetAsync(),
        }, Json)!;
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "Storage", "Tables", "testdata", "previous-release", "expected.json")))!;

        Assert.True(sent > 100, $"replayed only {sent} requests");
        Assert.Equal(10, actual["posts"]!.AsArray().Count);
        Assert.Equal(expected["papers"]!.AsArray().Count, actual["papers"]!.AsArray().Count);
        Assert.Equal(7, actual["sources"]!.AsArray().Count);
        AssertContains(expected, actual, "$");
    }

    [Fact]
    public async Task StoreWrittenByThePreviousClient_StillDeduplicatesByIdentityAndFingerprint()
    {
        var prefix = "s" + Guid.NewGuid().ToString("N")[..6];
        await PreviousReleaseRequests.ReplayAsync(azurite.Process.TableEndpoint, prefix);
        var posts = new TablePostStore(new AggregatorTables(azurite.TableService, new TableStoreOptions { TablePrefix = prefix }));

        var stored = await posts.GetNewestAsync(new FeedQuery { Limit = FeedQuery.MaxLimit });
        Assert.Equal(10, stored.Count);
        foreach (var post in stored.Where(p => p.Link.StartsWith("https://", StringComparison.Ordinal)))
        {
            var keys = Aggregator.Dedupe.PostIdentity.IdentityKeys(post.SourceId, null, post.Link);
            Assert.Equal(post.Id, await posts.FindByIdentityAsync(keys));
            if (post.Fingerprint != 0)
            {
                Assert.Contains(await posts.FindByFingerprintBandsAsync(post.Fingerprint), c => c.PostId == post.Id);
            }
        }
    }

    /// <summary>Every value the previous release read is read today; properties added since may be extra.</summary>
    private static void AssertContains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject obj:
                var actualObject = Assert.IsType<JsonObject>(actual);
                foreach (var (name, value) in obj)
                {
                    Assert.True(actualObject.ContainsKey(name), $"{path}.{name} is missing");
                    AssertContains(value, actualObject[name], $"{path}.{name}");
                }

                break;
            case JsonArray array:
                var actualArray = Assert.IsType<JsonArray>(actual);
                Assert.True(array.Count == actualArray.Count, $"{path}: {array.Count} expected, {actualArray.Count} read");
                for (var i = 0; i < array.Count; i++)
                {
                    AssertContains(array[i], actualArray[i], $"{path}[{i}]");
                }

                break;
            default:
                Assert.True(JsonNode.DeepEquals(expected, actual), $"{path}: expected {expected?.ToJsonString()}, read {actual?.ToJsonString()}");
                break;
        }
    }
}
