using System.Runtime.Serialization;
using Aggregator.AzureStorage.Tables;
using Aggregator.Testing.Azurite;
using Azure;

namespace Aggregator.AzureStorage.Tests.Tables;

[Collection(AzuriteFixture.Collection)]
public sealed class PocoEntityMappingTests(AzuriteFixture azurite)
{
    public enum PaperState
    {
        Draft,
        Published,
    }

    [Fact]
    public async Task AddThenGet_PocoWithEverySupportedType_RoundTrips()
    {
        var table = await azurite.CreateTableAsync("poco");
        var paper = PaperRow.Sample();

        await table.AddEntityAsync(paper);
        var stored = (await table.GetEntityAsync<PaperRow>(paper.PartitionKey, paper.RowKey)).Value;

        Assert.Equal(paper.Title, stored.Title);
        Assert.Equal(paper.Citations, stored.Citations);
        Assert.Equal(paper.Bytes, stored.Bytes);
        Assert.Equal(paper.Featured, stored.Featured);
        Assert.Equal(paper.Score, stored.Score);
        Assert.Equal(paper.WholeScore, stored.WholeScore);
        Assert.Equal(paper.Id, stored.Id);
        Assert.Equal(paper.Published, stored.Published);
        Assert.Equal(paper.FetchedUtc, stored.FetchedUtc);
        Assert.Equal(DateTimeKind.Utc, stored.FetchedUtc.Kind);
        Assert.Equal(paper.Hash, stored.Hash);
        Assert.Equal(paper.Thumbnail!.ToArray(), stored.Thumbnail!.ToArray());
        Assert.Equal(PaperState.Published, stored.State);
        Assert.Equal(paper.OptionalCount, stored.OptionalCount);
        Assert.Null(stored.MissingCount);
        Assert.Null(stored.Note);
        Assert.Equal(paper.RenamedProperty, stored.RenamedProperty);
        Assert.Null(stored.NotStored);
        Assert.NotEqual(default, stored.ETag);
        Assert.NotNull(stored.Timestamp);
    }

    [Fact]
    public async Task PocoAndTableEntity_SeeTheSameStoredProperties()
    {
        var table = await azurite.CreateTableAsync("pocodyn");
        var paper = PaperRow.Sample();
        await table.AddEntityAsync(paper);

        var dynamic = (await table.GetEntityAsync<TableEntity>(paper.PartitionKey, paper.RowKey)).Value;

        Assert.Equal("Published", dynamic["State"]);
        Assert.Equal(paper.Bytes, dynamic["Bytes"]);
        Assert.Equal(paper.RenamedProperty, dynamic["title_zh"]);
        Assert.False(dynamic.ContainsKey(nameof(PaperRow.RenamedProperty)));
        Assert.False(dynamic.ContainsKey(nameof(PaperRow.NotStored)));
        Assert.False(dynamic.ContainsKey(nameof(PaperRow.Note)));
    }

    [Fact]
    public async Task Query_Poco_MapsEveryRowAndIgnoresUnknownProperties()
    {
        var table = await azurite.CreateTableAsync("pocoquery");
        await table.AddEntityAsync(new TableEntity("p", "r1") { ["Title"] = "one", ["Unknown"] = "x", ["Citations"] = 3 });
        await table.AddEntityAsync(new TableEntity("p", "r2") { ["Title"] = "two" });

        var rows = await table.QueryAsync<PaperRow>().ToListAsync();

        Assert.Equal(["one", "two"], rows.Select(r => r.Title));
        Assert.Equal(3, rows[0].Citations);
    }

    [Fact]
    public async Task UpdateEntity_PocoWithItsETag_DetectsConcurrentChange()
    {
        var table = await azurite.CreateTableAsync("pocoetag");
        await table.AddEntityAsync(PaperRow.Sample());
        var mine = (await table.GetEntityAsync<PaperRow>("2025-01", "arxiv-2501.00001")).Value;
        var theirs = (await table.GetEntityAsync<PaperRow>("2025-01", "arxiv-2501.00001")).Value;
        theirs.Citations = 99;
        await table.UpdateEntityAsync(theirs, theirs.ETag);

        mine.Citations = 1;

        await Assert.ThrowsAsync<TableConcurrencyException>(() => table.UpdateEntityAsync(mine, mine.ETag));
    }

    [Fact]
    public async Task AddEntity_PocoWithUnsupportedPropertyType_FailsNamingIt()
    {
        var table = await azurite.CreateTableAsync("pocobad");

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => table.AddEntityAsync(new UnsupportedRow { PartitionKey = "p", RowKey = "r" }));

        Assert.Contains("UnsupportedRow.Tags", error.Message, StringComparison.Ordinal);
    }

    public sealed class PaperRow : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string? Title { get; set; }

        public int Citations { get; set; }

        public long Bytes { get; set; }

        public bool Featured { get; set; }

        public double Score { get; set; }

        public double WholeScore { get; set; }

        public Guid Id { get; set; }

        public DateTimeOffset Published { get; set; }

        public DateTime FetchedUtc { get; set; }

        public byte[]? Hash { get; set; }

        public BinaryData? Thumbnail { get; set; }

        public PaperState State { get; set; }

        public int? OptionalCount { get; set; }

        public int? MissingCount { get; set; }

        public string? Note { get; set; }

        [DataMember(Name = "title_zh")]
        public string? RenamedProperty { get; set; }

        [IgnoreDataMember]
        public string? NotStored { get; set; }

        public string Computed => Title + "!";

        public static PaperRow Sample() => new()
        {
            PartitionKey = "2025-01",
            RowKey = "arxiv-2501.00001",
            Title = "Scaling Laws for 推理 🚀",
            Citations = 12,
            Bytes = 12_345_678_901,
            Featured = true,
            Score = 0.875,
            WholeScore = 4.0,
            Id = Guid.NewGuid(),
            Published = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 6, TimeSpan.Zero),
            FetchedUtc = new DateTime(2025, 1, 3, 4, 5, 6, 7, DateTimeKind.Utc),
            Hash = [1, 2, 3],
            Thumbnail = new BinaryData(new byte[] { 4, 5 }),
            State = PaperState.Published,
            OptionalCount = 5,
            RenamedProperty = "标题",
            NotStored = "transient",
        };
    }

    public sealed class UnsupportedRow : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public List<string> Tags { get; set; } = [];
    }
}
