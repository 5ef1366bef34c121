using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using Aggregator.Dedupe;

namespace Aggregator.Storage.Tables;

/// <summary>
/// The near-duplicate index in "postbands": one row per 16-bit band value ("b2-9f3a-0" in partition "b2-9f"), with one
/// property per post whose fingerprint has that value. A lookup is a point read per band, whatever the store's size; adding a post is a
/// Merge of one property, so concurrent writers never overwrite each other and nothing has to be read first.
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

    // The row each band's next post goes to, as the lookup that precedes every add just saw it: rows only ever fill up,
    // so the hint can be late but never points past a row with room. Without a hint, the add reads the rows itself.
    private const int MaxHints = 4_096;
    private readonly ConcurrentDictionary<string, int> tailHints = new(StringComparer.Ordinal);

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
            var (posts, tail) = await ReadBandAsync(band, cancellationToken).ConfigureAwait(false);
            foreach (var post in posts)
            {
                found.TryAdd(post.PostId, post);
            }

            if (tailHints.Count >= MaxHints)
            {
                tailHints.Clear();
            }

            tailHints[band] = tail;
        }

        return found.Values.ToList();
    }

    /// <summary>Indexes a post under its four bands; adding it twice leaves one entry.</summary>
    public async Task AddAsync(string postId, ulong fingerprint, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.PostBands).ConfigureAwait(false);
        foreach (var band in TextFingerprint.BandKeys(fingerprint))
        {
            var tail = tailHints.TryRemove(band, out var hinted)
                ? hinted
                : (await ReadBandAsync(band, cancellationToken).ConfigureAwait(false)).Tail;
            await table.UpsertAsync(Entry(band, tail, postId, fingerprint), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(List<FingerprintCandidate> Posts, int Tail)> ReadBandAsync(string band, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.PostBands).ConfigureAwait(false);
        var posts = new List<FingerprintCandidate>();
        for (var index = 0; ; index++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionKey(band), RowKey(band, index), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue)
            {
                return (posts, index);
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
                return (posts, index);
            }
        }
    }
}
