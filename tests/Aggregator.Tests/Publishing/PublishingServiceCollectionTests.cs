using Aggregator.Sources;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Aggregator.Publishing;
using Aggregator.Publishing.Images;
using Aggregator.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Publishing;

public sealed class PublishingServiceCollectionTests
{
    [Fact]
    public void AddAggregatorPublishing_WithABlobClient_CachesImagesInBlobStorage()
    {
        using var provider = Build(services => services.AddSingleton(new BlobServiceClient("UseDevelopmentStorage=true")));

        Assert.IsType<BlobImageCache>(provider.GetRequiredService<IImageCache>());
        Assert.NotNull(provider.GetRequiredService<FeedEndpoints>());
    }

    [Fact]
    public void AddAggregatorPublishing_WithoutABlobClient_CachesImagesInMemory()
    {
        using var provider = Build(_ => { });

        Assert.IsType<MemoryImageCache>(provider.GetRequiredService<IImageCache>());
    }

    [Fact]
    public void AddAggregatorPublishing_ReadsTheFlatImageProxySettings()
    {
        using var provider = Build(_ => { }, new Dictionary<string, string?> { ["IMAGE_PROXY_SIGNING_KEY"] = "k", ["IMAGE_PROXY_ENABLED"] = "false" });

        var options = provider.GetRequiredService<IOptions<ImageProxyOptions>>().Value;

        Assert.Equal("k", options.SigningKey);
        Assert.False(options.Enabled);
        Assert.False(options.IsActive);
    }

    private static ServiceProvider Build(Action<IServiceCollection> configure, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IPostStore>(new InMemoryPostStore());
        services.AddSingleton<IPaperStore>(new InMemoryPaperStore());
        services.AddSingleton<IDataVersion>(new InMemoryDataVersion());
        services.AddSingleton<ISourceCatalogProvider>(new FixedSourceCatalog(FeedFixtures.Sources));
        configure(services);
        services.AddAggregatorPublishing(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
