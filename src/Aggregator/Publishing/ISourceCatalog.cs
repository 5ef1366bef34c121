using Aggregator.Sources;

namespace Aggregator.Publishing;

/// <summary>The configured sources, as the feeds and the OPML list show them; the host supplies them from the sources file.</summary>
public interface ISourceCatalog
{
    IReadOnlyList<SourceDefinition> Sources { get; }
}
