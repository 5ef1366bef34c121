using Aggregator.Storage.Tables;
using Aggregator.Testing.Azurite;
using Azure.Data.Tables;

namespace Aggregator.Tests.Storage.Tables;

/// <summary>Every value type the table layout stores comes back through the SDK as it went in, against Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class EntityRoundTripTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task AddThenGet_EveryPropertyType_ComesBackWithTheSameTypeAndValue()
    {
        var table = await azurite.CreateTableAsync("types");
        var when = new DateTimeOffset(2024, 2, 29, 23, 59, 58, 123, TimeSpan.FromHours(8));
        var id = Guid.NewGuid();
        var entity = new TableEntity("p", "r")
        {
            ["Chinese"] = "大语言模型的推理能力：综述",
            ["Emoji"] = "🚀 papers 📄 with 👩‍🔬",
            ["Multiline"] = "line one\r\nline\ttwo\n",
            ["Int"] = 42,
            ["NegativeInt"] = int.MinValue,
            ["Long"] = 9_007_199_254_740_993L,
            ["SmallLong"] = 7L,
            ["Bool"] = true,
            ["Double"] = 3.141592653589793,
            ["IntegralDouble"] = 3.0,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = new byte[] { 0, 1, 2, 254, 255 },
        };

        await table.AddIfAbsentAsync(entity);
        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal("大语言模型的推理能力：综述", stored["Chinese"]);
        Assert.Equal("🚀 papers 📄 with 👩‍🔬", stored["Emoji"]);
        Assert.Equal("line one\r\nline\ttwo\n", stored["Multiline"]);
        Assert.Equal(42, stored["Int"]);
        Assert.Equal(int.MinValue, stored["NegativeInt"]);
        Assert.Equal(9_007_199_254_740_993L, stored["Long"]);
        Assert.Equal(7L, stored["SmallLong"]);
        Assert.Equal(true, stored["Bool"]);
        Assert.Equal(3.141592653589793, stored["Double"]);
        Assert.IsType<double>(stored["IntegralDouble"]);
        Assert.Equal(3.0, stored["IntegralDouble"]);
        Assert.Equal(when, stored["When"]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)stored["When"]!).Offset);
        Assert.Equal(id, stored["Id"]);
        Assert.Equal(new byte[] { 0, 1, 2, 254, 255 }, stored["Bytes"]);
        Assert.NotNull(stored.Timestamp);
        Assert.NotEqual(default, stored.ETag);
    }

    [Fact]
    public async Task AddThenGet_DateTimeWithSubMillisecondTicks_KeepsEveryTickInUtc()
    {
        // Azure stores Edm.DateTime as a 64-bit count of 100 ns ticks in UTC; the SDK writes all 7 fractional digits,
        // and Azurite keeps the text it is sent. The offset is not stored: values come back in UTC.
        var table = await azurite.CreateTableAsync("ticks");
        var when = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5)).AddTicks(1_234_567);
        await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["When"] = when });

        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetDateTimeOffset("When")!.Value;

        Assert.Equal(when.UtcTicks, stored.UtcTicks);
        Assert.Equal(TimeSpan.Zero, stored.Offset);
    }

    [Fact]
    public async Task AddThenGet_ThirtyThousandChineseCharacters_RoundTrips()
    {
        var table = await azurite.CreateTableAsync("bigtext");
        var text = string.Concat(Enumerable.Range(0, 30_000).Select(i => (char)('一' + (i * 7 % 20_000))));
        await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["Content"] = text });

        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal(text, stored.GetString("Content"));
    }

    [Fact]
    public async Task AddThenGet_ChineseAndEmojiKeys_RoundTrip()
    {
        var table = await azurite.CreateTableAsync("unikeys");
        var entity = new TableEntity("论文 🚀", "O'Brien & 50% (draft)") { ["V"] = 1 };
        await table.AddIfAbsentAsync(entity);

        var stored = (await table.GetEntityAsync<TableEntity>("论文 🚀", "O'Brien & 50% (draft)")).Value;

        Assert.Equal(("论文 🚀", "O'Brien & 50% (draft)"), (stored.PartitionKey, stored.RowKey));
        await table.DeleteEntityAsync("论文 🚀", "O'Brien & 50% (draft)");
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("论文 🚀", "O'Brien & 50% (draft)")).HasValue);
    }

    [Fact]
    public async Task GetEntity_WithSelect_ReturnsOnlyTheSelectedProperties()
    {
        var table = await azurite.CreateTableAsync("select");
        await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" });

        var stored = (await table.GetEntityAsync<TableEntity>("p", "r", select: ["A"])).Value;

        Assert.Equal("a", stored.GetString("A"));
        Assert.False(stored.ContainsKey("B"));
    }

    /// <remarks>
    /// The SDK's getters do not widen: an Int32 property read with GetInt64 throws. So the layout writes each property
    /// with one type forever (Fingerprint is always Int64, counts always Int32), and a store written by the previous
    /// release, which did the same, reads back unchanged.
    /// </remarks>
    [Fact]
    public async Task TypedGetters_KeepEachPropertysTypeAndConvertDates()
    {
        var table = await azurite.CreateTableAsync("getters");
        await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["Small"] = 5, ["Bytes"] = new byte[] { 9 } });

        var stored = (await table.GetEntityAsync<TableEntity>("p", "r")).Value;

        Assert.Equal(5, stored.GetInt32("Small"));
        Assert.Throws<InvalidOperationException>(() => stored.GetInt64("Small"));
        Assert.Equal(new byte[] { 9 }, stored.GetBinaryData("Bytes")!.ToArray());
        Assert.Equal(stored.Timestamp!.Value.UtcDateTime, stored.GetDateTime("Timestamp"));
        Assert.Null(stored.GetString("Absent"));
        Assert.Throws<InvalidOperationException>(() => stored.GetGuid("Small"));
    }
}
