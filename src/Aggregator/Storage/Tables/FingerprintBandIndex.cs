using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Aggregator.Dedupe;

namespace Aggregator.Storage.Tables;

/// <summary>
/// The near-duplicate index in "postbands": one row per 16-bit band value ("b2-9f3a-0" in partition "b2-9f"), with one
/// property per post whose fingerprint has that value. A lookup is a point read per band, whatever the store's size.
/// Adding a post is a Merge of one property on the condition that the row is still the version the duplicate check read:
/// two near-duplicates share at least one band, so when they are claimed at once, one of them finds the row changed,
/// reads it again and sees the other. That is what keeps a post from being stored twice by two instances, without a lock.
/// </summary>
/// <remarks>
/// A range query per band would be a partition scan on Azure but a scan of the whole table on Azurite, which made
/// ingesting a post slower the more posts were stored. An entity holds at most 252 properties, so a row holds
/// <see cref="PostsPerRow"/> posts and a full row continues in the next ("b2-9f3a-1", "-2", …). Band values are
/// uniform, so at 100k posts a row holds about 1.5; only a flood of look-alike texts fills one.
/// </remarks>
internal sealed class FingerprintBandIndex(AggregatorTables tables)
{
    public const int PostsPerRow = 200;

    private const string PostPrefix = "p_";

    // Each band as the lookup that precedes every add just read it (posts, the tail row and its version), so the claim
    // that follows costs no second read unless someone wrote the row in between.
    private const int MaxHints = 4_096;
    private readonly ConcurrentDictionary<string, BandRead> hints = new(StringComparer.Ordinal);

    // 256 band values to a partition (1,024 in all), so a bulk load can write rows 100 to a transaction.
    public static string PartitionKey(string band) => band[..5];

    public static string RowKey(string band, int index) => $"{band}-{index.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The row that indexes one post under one band, as a Merge adds it.</summary>
    public static TableEntity Entry(string band, int index, string postId, ulong fingerprint) =>
        new(PartitionKey(band), RowKey(band, index)) { [PostPrefix + postId] = unchecked((long)fingerprint) };

    public async Task<IReadOnlyList<FingerprintCandidate>> FindAsync(ulong fingerprint, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, FingerprintCandidate>(StringComparer.Ordinal);
        foreach (var band in TextFingerprint.BandKeys(fingerprint))
        {
            var read = await ReadBandAsync(band, cancellationToken).ConfigureAwait(false);
            foreach (var post in read.Posts)
            {
                found.TryAdd(post.PostId, post);
            }

            if (hints.Count >= MaxHints)
            {
                hints.Clear();
            }

            hints[band] = read;
        }

        return found.Values.ToList();
    }

    /// <summary>Indexes a post under its four bands unconditionally; adding it twice leaves one entry.</summary>
    public Task AddAsync(string postId, ulong fingerprint, CancellationToken cancellationToken) =>
        ClaimAsync(postId, fingerprint, _ => false, cancellationToken);

    /// <summary>
    /// Indexes the post under its bands, band by band in a fixed order, unless a post that <paramref name="isDuplicate"/>
    /// accepts is (or, racing, becomes) indexed under one of them: then that post's id is returned and the claim stops.
    /// The post itself is never its own duplicate, so a rerun after a crash completes its own claim.
    /// </summary>
    public async Task<string?> ClaimAsync(string postId, ulong fingerprint, Func<FingerprintCandidate, bool> isDuplicate, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.PostBands).ConfigureAwait(false);
        foreach (var band in TextFingerprint.BandKeys(fingerprint))
        {
            var read = hints.TryRemove(band, out var hinted) ? hinted : await ReadBandAsync(band, cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; ; attempt++)
            {
                if (read.Posts.Where(p => p.PostId != postId && isDuplicate(p)).Select(p => p.PostId).FirstOrDefault() is { } duplicateOf)
                {
                    return duplicateOf;
                }

                if (read.Posts.Any(p => p.PostId == postId))
                {
                    break;
                }

                var entry = Entry(band, read.Tail, postId, fingerprint);
                var written = read.TailVersion is { } version
                    ? await table.UpdateIfUnchangedAsync(entry, version, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false)
                    : await table.AddIfAbsentAsync(entry, cancellationToken).ConfigureAwait(false);
                if (written)
                {
                    break;
                }

                if (attempt >= 32)
                {
                    throw new InvalidOperationException($"Band {band} kept changing under {attempt} attempts to index post {postId}.");
                }

                read = await ReadBandAsync(band, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    private async Task<BandRead> ReadBandAsync(string band, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.PostBands).ConfigureAwait(false);
        var posts = new List<FingerprintCandidate>();
        for (var index = 0; ; index++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(band), RowKey(band, index), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue)
            {
                return new BandRead(posts, index, null);
            }

            var before = posts.Count;
            foreach (var (name, value) in row.Value!)
            {
                if (name.StartsWith(PostPrefix, StringComparison.Ordinal) && value is long fingerprint)
                {
                    posts.Add(new FingerprintCandidate(name[PostPrefix.Length..], unchecked((ulong)fingerprint)));
                }
            }

            if (posts.Count - before < PostsPerRow)
            {
                return new BandRead(posts, index, row.Value!.ETag);
            }
        }
    }

    /// <summary>A band's posts, the row a new post goes to and its version (null: that row does not exist yet).</summary>
    private sealed record BandRead(List<FingerprintCandidate> Posts, int Tail, ETag? TailVersion);
}
