using Aggregator.Publishing.Images;
using Aggregator.Testing.Azurite;

namespace Aggregator.Tests.Publishing;

/// <summary>The Blob-backed image cache against a real Azurite.</summary>
public sealed class BlobImageCacheTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task SetThenGet_RoundTripsBytesAndContentTypeAndStoresLongCacheControl()
    {
        var container = "images" + Guid.NewGuid().ToString("N")[..12];
        var cache = new BlobImageCache(azurite.BlobService, container);
        var key = ImageUrlSigner.CacheKey("https://wx1.sinaimg.cn/large/abc.jpg");

        await cache.SetAsync(key, new CachedImage("image/jpeg", ImageOriginServer.Jpeg));
        var image = await cache.GetAsync(key);
        var stored = await azurite.BlobService.GetBlobContainerClient(container).GetBlobClient(key).DownloadContentAsync();

        Assert.NotNull(image);
        Assert.Equal("image/jpeg", image.ContentType);
        Assert.Equal(ImageOriginServer.Jpeg, image.Content);
        Assert.Equal("public, max-age=31536000, immutable", stored.Value.Details.CacheControl);
    }

    [Fact]
    public async Task Get_UnknownKey_ReturnsNull()
    {
        var cache = new BlobImageCache(azurite.BlobService, "images" + Guid.NewGuid().ToString("N")[..12]);

        Assert.Null(await cache.GetAsync(ImageUrlSigner.CacheKey("https://mmbiz.qpic.cn/none")));
    }
}
