namespace Aggregator.Storage.Tables;

/// <summary>How the Table-backed stores are laid out.</summary>
public sealed class TableStoreOptions
{
    /// <summary>Prepended to every table name, so several aggregators (or tests) can share one storage account.</summary>
    public string TablePrefix { get; set; } = "";

    /// <summary>
    /// How many timeline rows a filtered feed query may read before it answers with what it found: a filter that
    /// matches nothing must not scan the whole history.
    /// </summary>
    public int MaxTimelineScan { get; set; } = 5_000;
}
