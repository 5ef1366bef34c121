namespace Aggregator.Sources;

/// <summary>Supplies the current sources; read anew for every run so an edited file takes effect without a restart.</summary>
public interface ISourceCatalogProvider
{
    /// <exception cref="SourceCatalogException">The configured sources file is missing or invalid.</exception>
    Task<SourceCatalog> GetAsync(CancellationToken cancellationToken = default);
}
