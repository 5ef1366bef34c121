using Aggregator.Hosting;
using Aggregator.Papers;
using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aggregator.Enrichment;

/// <summary>
/// Registers the enrichment stage. <see cref="SettingNames.EnrichmentEnabled"/> turns it off; the finer options
/// (<see cref="EnrichmentOptions"/>: service URLs, contact, intervals, batch sizes) bind from the "Enrichment" section,
/// e.g. the environment variable <c>Enrichment__Contact</c>; <see cref="SettingNames.EnrichmentContact"/> overrides the contact.
/// </summary>
public static class EnrichmentServiceCollectionExtensions
{
    public const string Section = "Enrichment";

    public static IServiceCollection AddEnrichment(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<EnrichmentOptions>()
            .Bind(configuration.GetSection(Section))
            .Configure(o =>
            {
                o.Enabled = EnabledIn(configuration);
                // The deployment's setting (ENRICHMENT_CONTACT, set from Bicep) wins over the section's finer one.
                if (configuration[SettingNames.EnrichmentContact] is { } contact && !string.IsNullOrWhiteSpace(contact))
                {
                    o.Contact = contact.Trim();
                }
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.UserAgent), "EnrichmentOptions.UserAgent must name the aggregator.")
            .Validate(o => o.ArxivRequestInterval >= TimeSpan.Zero && o.ArxivIdBatchSize > 0 && o.TitleBatchSize > 0, "Enrichment intervals and batch sizes must be positive.");
        services.TryAddSingleton<IPendingPaperLookups, TablePendingPaperLookups>();
        services.TryAddSingleton<IWorkLease, TableWorkLease>();
        services.TryAddSingleton(sp => new MetadataServices(
            MetadataServices.CreateHttpClient(),
            sp.GetRequiredService<IOptions<EnrichmentOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new PaperEnricher(
            sp.GetRequiredService<IPendingPaperLookups>(),
            sp.GetRequiredService<IWorkLease>(),
            sp.GetRequiredService<IPaperStore>(),
            sp.GetRequiredService<PaperResolver>(),
            sp.GetRequiredService<MetadataServices>(),
            sp.GetRequiredService<IDataVersion>(),
            sp.GetRequiredService<IOptions<EnrichmentOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<PaperEnricher>>() ?? NullLogger<PaperEnricher>.Instance));
        return services;
    }

    /// <summary>ENRICHMENT_ENABLED: true unless set to something false ("false", "0", "no", "off"); anything else is refused.</summary>
    private static bool EnabledIn(IConfiguration configuration)
    {
        var text = configuration[SettingNames.EnrichmentEnabled]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        return text.ToLowerInvariant() switch
        {
            "true" or "1" or "yes" or "on" => true,
            "false" or "0" or "no" or "off" => false,
            _ => throw new InvalidOperationException($"{SettingNames.EnrichmentEnabled} is '{text}': expected true or false."),
        };
    }
}
