using Aggregator.AzureStorage.Blobs;
using Aggregator.Testing.Azurite;
using Azure;

namespace Aggregator.AzureStorage.Tests.Blobs;

[Collection(AzuriteFixture.Collection)]
public sealed class BlobClientTests(AzuriteFixture azurite)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0xFF];

    [Fact]
    public async Task UploadThenDownload_KeepsBytesContentTypeAndCacheControl()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("images/ab/论文 cover.png");

        await blob.UploadAsync(new BinaryData(Png), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "image/png", CacheControl = "public, max-age=604800" },
        });
        var downloaded = (await blob.DownloadContentAsync()).Value;

        Assert.Equal(Png, downloaded.Content.ToArray());
        Assert.Equal("image/png", downloaded.Details.ContentType);
        Assert.Equal("public, max-age=604800", downloaded.Details.CacheControl);
        Assert.NotEqual(default, downloaded.Details.ETag);
    }

    [Fact]
    public async Task Exists_BeforeAndAfterUploadAndDelete_TellsTheTruth()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("x.bin");

        Assert.False((await blob.ExistsAsync()).Value);
        await blob.UploadAsync(new BinaryData(Png));
        Assert.True((await blob.ExistsAsync()).Value);
        Assert.True((await blob.DeleteIfExistsAsync()).Value);
        Assert.False((await blob.ExistsAsync()).Value);
        Assert.False((await blob.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task Upload_ExistingBlobWithoutOverwrite_Fails409AndOverwriteReplaces()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("same.bin");
        await blob.UploadAsync(BinaryData.FromString("first"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second")));
        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);

        await blob.UploadAsync(BinaryData.FromString("third"), overwrite: true);
        Assert.Equal("third", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Upload_EmptyContent_RoundTrips()
    {
        var container = await NewContainerAsync();
        var blob = container.GetBlobClient("empty");

        await blob.UploadAsync(BinaryData.Empty, overwrite: true);

        Assert.Empty((await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Download_Missing_Throws404()
    {
        var container = await NewContainerAsync();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("absent").DownloadContentAsync());

        Assert.Equal(404, error.Status);
    }

    [Fact]
    public async Task CreateIfNotExists_Twice_ReturnsNullTheSecondTime()
    {
        var container = azurite.BlobService.GetBlobContainerClient("twice-" + Guid.NewGuid().ToString("N")[..12]);

        var first = await container.CreateIfNotExistsAsync();
        var second = await container.CreateIfNotExistsAsync();

        Assert.NotNull(first);
        Assert.Null(second);
    }

    [Fact]
    public void GetBlobContainerClient_InvalidName_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => azurite.BlobService.GetBlobContainerClient("Upper"));
        Assert.Throws<ArgumentException>(() => azurite.BlobService.GetBlobContainerClient("a--b"));
    }

    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = azurite.BlobService.GetBlobContainerClient("c" + Guid.NewGuid().ToString("N")[..20]);
        await container.CreateIfNotExistsAsync();
        return container;
    }
}
