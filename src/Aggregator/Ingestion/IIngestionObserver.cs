using Aggregator.Sources;

namespace Aggregator.Ingestion;

/// <summary>Progress of a run, source by source. Called concurrently from the sources' tasks.</summary>
public interface IIngestionObserver
{
    void SourceStarted(SourceDefinition source);

    void SourceFinished(SourceRunResult result);
}
