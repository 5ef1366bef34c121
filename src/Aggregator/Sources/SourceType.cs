namespace Aggregator.Sources;

/// <summary>How a source publishes: a syndication feed, or HTML pages read with selectors.</summary>
public enum SourceType
{
    Feed,
    Page,
}
