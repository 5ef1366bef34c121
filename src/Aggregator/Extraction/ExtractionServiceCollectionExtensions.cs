using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aggregator.Extraction;

/// <summary>Registers the extraction stage: all of it is stateless, so one instance each serves every source.</summary>
public static class ExtractionServiceCollectionExtensions
{
    public static IServiceCollection AddExtraction(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<ILinkCanonicalizer, LinkCanonicalizer>();
        services.TryAddSingleton<IHtmlSanitizer, HtmlSanitizer>();
        services.TryAddSingleton<IContentExtractor, ContentExtractor>();
        services.TryAddSingleton<PageReader>();
        return services;
    }
}
