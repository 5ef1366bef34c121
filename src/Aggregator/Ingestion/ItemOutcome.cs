namespace Aggregator.Ingestion;

/// <summary>What became of one feed item.</summary>
internal enum ItemOutcome
{
    New,
    Duplicate,
    Known,
}
