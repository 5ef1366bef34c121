using System.Globalization;
using Aggregator.Ingestion.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Aggregator.Ingestion;

/// <summary>
/// Starts a run the way the host is set up to (<see cref="IngestionOptions.UseQueue"/>): in-process, or as one queue
/// message per due source. The timer and the admin endpoint call this, never the runner directly.
/// </summary>
public sealed class IngestionStarter(IngestionRunner runner, IServiceProvider services, IOptions<IngestionOptions> options, TimeProvider clock, Enrichment.PaperEnricher enricher)
{
    public bool UsesQueue => options.Value.UseQueue;

    /// <exception cref="Sources.SourceCatalogException">The sources file is missing or invalid.</exception>
    public async Task<IngestionStart> StartAsync(IngestionRunOptions runOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runOptions);
        var runId = clock.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        if (!UsesQueue)
        {
            var report = await runner.RunAsync(runOptions, cancellationToken).ConfigureAwait(false);
            return new IngestionStart(runId, report.Sources.Count, report);
        }

        var work = await runner.PlanAsync(runOptions, runId, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<IngestQueue>().SendAsync(work, cancellationToken).ConfigureAwait(false);
        // Enrichment hook (queued runs): lookups for the papers earlier runs' messages left due; it never throws.
        await enricher.EnrichPendingAsync(cancellationToken).ConfigureAwait(false);
        return new IngestionStart(runId, work.Count, null);
    }
}
