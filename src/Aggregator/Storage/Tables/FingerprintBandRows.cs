using Aggregator.AzureStorage.Tables;
using Azure;

namespace Aggregator.Storage.Tables;

/// <summary>
/// The near-duplicate index: one row per 16-bit band value ("b2-9f3a"), listing the posts whose fingerprint has that
/// band. A lookup is four point reads, whatever the store's size; a range query would cost a scan of the partition on
/// Azure and of the whole table on Azurite.
/// </summary>
internal static class FingerprintBandRows
{
    // Band values are uniform, so a row holds ~N/65,536 posts; the cap only guards against a degenerate text flood.
    private const int MaxPostsPerBand = 400;

    public static IEnumerable<FingerprintCandidate> Read(TableEntity row) =>
        JsonColumn.Read<List<string>>(row.GetString("Posts"), []).Select(Parse).OfType<FingerprintCandidate>();

    public static TableEntity Row(string band, IEnumerable<FingerprintCandidate> posts) => new(band, "")
    {
        ["Posts"] = JsonColumn.Write(posts.TakeLast(MaxPostsPerBand).Select(p => $"{p.PostId}:{p.Fingerprint:x16}").ToList()),
    };

    /// <summary>Adds a post to a band's row, safely against concurrent writers (ETag; add-if-missing).</summary>
    public static async Task AddAsync(TableClient table, string band, FingerprintCandidate post, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(band, "", cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue)
                {
                    await table.AddEntityAsync(Row(band, [post]), cancellationToken).ConfigureAwait(false);
                    return;
                }

                var posts = Read(existing.Value!).ToList();
                if (posts.Any(p => p.PostId == post.PostId))
                {
                    return;
                }

                var row = Row(band, posts.Append(post));
                await table.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 10)
            {
                // Another writer got there first: read again and retry.
            }
        }
    }

    private static FingerprintCandidate? Parse(string entry)
    {
        var colon = entry.LastIndexOf(':');
        return colon > 0 && ulong.TryParse(entry.AsSpan(colon + 1), System.Globalization.NumberStyles.HexNumber, null, out var fingerprint)
            ? new FingerprintCandidate(entry[..colon], fingerprint)
            : null;
    }
}
