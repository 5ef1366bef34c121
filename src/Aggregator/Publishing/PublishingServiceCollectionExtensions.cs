using Aggregator.Sources;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Aggregator.Extraction;
using Aggregator.Hosting;
using Aggregator.Publishing.Images;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing;

public static class PublishingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="FeedEndpoints"/> and what it needs, except the stores (IPostStore, IPaperStore, IDataVersion)
    /// and the <see cref="ISourceCatalogProvider"/>, which the host provides. The image cache is a <see cref="BlobImageCache"/>
    /// when a <see cref="BlobServiceClient"/> is registered, else in memory; an <see cref="IImageCache"/> registered
    /// before this call wins.
    /// </summary>
    public static IServiceCollection AddAggregatorPublishing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PublishingOptions>().Bind(configuration.GetSection(PublishingOptions.SectionName));
        services.AddOptions<ImageProxyOptions>()
            .Bind(configuration.GetSection(ImageProxyOptions.SectionName))
            .Configure(o =>
            {
                // The flat app settings win over the section: they are what Functions and the Bicep template set.
                if (configuration[SettingNames.ImageProxySigningKey] is { Length: > 0 } key)
                {
                    o.SigningKey = key;
                }

                if (bool.TryParse(configuration[SettingNames.ImageProxyEnabled], out var enabled))
                {
                    o.Enabled = enabled;
                }
            });

        // Blob storage when the host registered a blob client (proxied images then survive restarts and scale-out).
        services.TryAddSingleton<IImageCache>(sp => sp.GetService<BlobServiceClient>() is { } blobs
            ? new BlobImageCache(blobs)
            : new MemoryImageCache());
        services.AddExtraction();
        services.TryAddSingleton<FeedDocumentSanitizer>();
        services.TryAddSingleton<RenderedResourceCache>();
        services.TryAddSingleton<SiteAddresses>();
        services.TryAddSingleton<IImageKeyRecovery, NoImageKeyRecovery>();
        services.TryAddSingleton<ImageUrlSigner>();
        services.TryAddSingleton<ImageUrlRewriter>();
        services.TryAddSingleton<ImageFetcher>();
        services.TryAddSingleton<PostFeedBuilder>();
        services.TryAddSingleton<PaperFeedBuilder>();
        services.TryAddSingleton(sp => new ImageProxy(
            sp.GetRequiredService<IOptions<ImageProxyOptions>>(),
            sp.GetRequiredService<IImageKeyRecovery>(),
            sp.GetRequiredService<ImageUrlSigner>(),
            sp.GetRequiredService<ImageFetcher>(),
            sp.GetRequiredService<IImageCache>(),
            sp.GetRequiredService<ILogger<ImageProxy>>()));
        services.TryAddSingleton(sp => new FeedEndpoints(
            sp.GetRequiredService<Aggregator.Storage.IPostStore>(),
            sp.GetRequiredService<Aggregator.Storage.IPaperStore>(),
            sp.GetRequiredService<Aggregator.Storage.IDataVersion>(),
            sp.GetRequiredService<ISourceCatalogProvider>(),
            sp.GetRequiredService<PostFeedBuilder>(),
            sp.GetRequiredService<PaperFeedBuilder>(),
            sp.GetRequiredService<FeedDocumentSanitizer>(),
            sp.GetRequiredService<RenderedResourceCache>(),
            sp.GetRequiredService<SiteAddresses>(),
            sp.GetRequiredService<ImageProxy>(),
            sp.GetRequiredService<IOptions<PublishingOptions>>(),
            StorageUnavailableResponse.StorageLocation(sp),
            sp.GetRequiredService<ILogger<FeedEndpoints>>()));
        return services;
    }
}
