namespace Aggregator.Sources;

/// <summary>A catalog given in code rather than read from a file: for hosts and tests that already hold the list.</summary>
public sealed class FixedSourceCatalog(IReadOnlyList<SourceDefinition> sources) : ISourceCatalogProvider
{
    private readonly SourceCatalog catalog = new(sources ?? throw new ArgumentNullException(nameof(sources)), "configured sources");

    public Task<SourceCatalog> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(catalog);
}
