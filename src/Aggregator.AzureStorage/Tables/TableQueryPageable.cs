using Azure;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Pages of a table query, following the service's continuation (NextPartitionKey/NextRowKey) until it stops. The
/// continuation token is the two values joined by a space, which neither contains.
/// </summary>
internal sealed class TableQueryPageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage, int? maxPerPage, CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            var page = await fetchPage(continuationToken, pageSizeHint ?? maxPerPage, CancellationToken).ConfigureAwait(false);
            yield return page;
            continuationToken = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }

    public static string? Token(string? nextPartitionKey, string? nextRowKey) =>
        nextPartitionKey is null ? null : nextPartitionKey + " " + nextRowKey;

    public static (string PartitionKey, string? RowKey) Split(string token)
    {
        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (token, null) : (token[..space], token[(space + 1)..] is { Length: > 0 } rk ? rk : null);
    }
}
