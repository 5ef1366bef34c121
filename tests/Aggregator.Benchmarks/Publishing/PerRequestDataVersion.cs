using Aggregator.Storage;
using Aggregator.Storage.Tables;
using Azure.Data.Tables;

namespace Aggregator.Benchmarks.Publishing;

/// <summary>
/// The data version as it was read before: one point read per call, so every feed request (304s too) waited on
/// storage. The benchmark's "before" run, for the ratio to the once-a-second <see cref="TableDataVersion"/>.
/// </summary>
internal sealed class PerRequestDataVersion(AggregatorTables tables) : IDataVersion
{
    public async Task<string> GetAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Meta).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>("meta", "version", cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? row.Value!.GetString("Version") ?? "0" : "0";
    }

    public Task BumpAsync(CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark's before-run only reads.");
}
