using Aggregator.Sources;

namespace Aggregator.Publishing;

/// <summary>A fixed list of sources, for hosts that read the sources file once at start-up.</summary>
public sealed class SourceCatalog(IReadOnlyList<SourceDefinition> sources) : ISourceCatalog
{
    public IReadOnlyList<SourceDefinition> Sources { get; } = sources ?? throw new ArgumentNullException(nameof(sources));
}
