using Azure.Data.Tables;

namespace Aggregator.Storage.Tables;

/// <summary>
/// Posts in Table Storage. A post is one partition of the "posts" table (metadata row + content rows); "postkeys" maps
/// identity keys (guid, canonical URL) to post ids; "postbands" indexes SimHash bands for near-duplicate lookups;
/// "timeline" orders posts newest first. See docs/storage.md.
/// </summary>
public sealed class TablePostStore(AggregatorTables tables) : IPostStore
{
    // In the summaries table: one row per post whose LLM summary must be asked for again.
    private const string RetryPartition = "retry-post";

    private readonly FingerprintBandIndex bands = new(tables);

    public async Task<Post?> GetAsync(string postId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        var main = await posts.GetEntityIfExistsAsync<TableEntity>(postId, PostEntityMapper.MainRowKey(postId), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!main.HasValue)
        {
            return null;
        }

        var content = await PartitionReader.ReadRowsAsync(posts, postId, PostEntityMapper.ChunkRowKeys(main.Value!), cancellationToken).ConfigureAwait(false);
        return PostEntityMapper.FromEntities([main.Value!, .. content]);
    }

    public async Task<IReadOnlyList<Post>> GetNewestAsync(FeedQuery query, CancellationToken cancellationToken = default)
    {
        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        return await TimelineReader.NewestAsync(
            timeline, TimelineRow.PostsPartition, query, tables.Options.MaxTimelineScan, GetAsync, cancellationToken).ConfigureAwait(false);
    }

    public async Task<string?> FindByIdentityAsync(IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default)
    {
        var keys = await tables.GetAsync(tables.Names.PostKeys).ConfigureAwait(false);
        foreach (var key in identityKeys)
        {
            var (partition, row) = TableKeys.Spread(TableKeys.Hashed("id", key));
            var hit = await keys.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (hit.HasValue && hit.Value!.GetString("PostId") is { } postId)
            {
                return postId;
            }
        }

        return null;
    }

    public Task<IReadOnlyList<FingerprintCandidate>> FindByFingerprintBandsAsync(ulong fingerprint, CancellationToken cancellationToken = default) =>
        bands.FindAsync(fingerprint, cancellationToken);

    public async Task<bool> AddAsync(Post post, IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        var rows = PostEntityMapper.ToEntities(post);
        rows[^1]["TimelineKey"] = TimelineRow.PostRowKey(post);
        var added = await PartitionWriter.AddAsync(posts, rows, cancellationToken).ConfigureAwait(false);

        // Indexes follow the post, idempotently, with the identity keys last: they mark the post as done. A run that
        // died in between finds no key, arrives here again, and completes the indexes from the post as first stored.
        var stored = added ? post : await GetAsync(post.Id, cancellationToken).ConfigureAwait(false) ?? post;
        if (stored.Fingerprint != 0)
        {
            await bands.AddAsync(stored.Id, stored.Fingerprint, cancellationToken).ConfigureAwait(false);
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        await timeline.UpsertAsync(TimelineRow.ForPost(stored), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await MarkSummaryRetryAsync(stored, cancellationToken).ConfigureAwait(false);
        await IndexAsync(post.Id, identityKeys, cancellationToken).ConfigureAwait(false);
        return added;
    }

    public async Task AddSourceAsync(string postId, PostSource source, IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default)
    {
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            var existing = await posts.GetEntityIfExistsAsync<TableEntity>(postId, PostEntityMapper.MainRowKey(postId), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!existing.HasValue)
            {
                return;
            }

            var main = existing.Value!;
            var sources = JsonColumn.Read<List<PostSource>>(main.GetString("Sources"), []);
            if (sources.Any(s => s.SourceId == source.SourceId && s.Link == source.Link))
            {
                break;
            }

            sources.Add(source);
            main["Sources"] = JsonColumn.Write(sources);
            if (!await posts.UpdateIfUnchangedAsync(main, main.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false) && attempt < 5)
            {
                continue;
            }

            if (main.GetString("TimelineKey") is { } timelineKey)
            {
                var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
                var ids = sources.Select(s => s.SourceId).Append(main.GetString("SourceId") ?? "").Distinct(StringComparer.Ordinal);
                await timeline.UpsertAsync(
                    new TableEntity(TimelineRow.PostsPartition, timelineKey) { ["SourceIds"] = "|" + string.Join("|", ids) + "|" },
                    TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }

            break;
        }

        await IndexAsync(postId, identityKeys, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAsync(Post post, CancellationToken cancellationToken = default)
    {
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        var previous = await posts.GetEntityIfExistsAsync<TableEntity>(post.Id, PostEntityMapper.MainRowKey(post.Id), ["TimelineKey"], cancellationToken).ConfigureAwait(false);
        var rows = PostEntityMapper.ToEntities(post);
        var timelineKey = TimelineRow.PostRowKey(post);
        rows[^1]["TimelineKey"] = timelineKey;
        await PartitionWriter.UpsertAsync(posts, rows, cancellationToken).ConfigureAwait(false);
        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        if (previous.HasValue && previous.Value!.GetString("TimelineKey") is { } oldKey && oldKey != timelineKey)
        {
            // A new published date moves the post within its first-seen run: one timeline row, never two.
            await timeline.DeleteIfPresentAsync(TimelineRow.PostsPartition, oldKey, cancellationToken).ConfigureAwait(false);
        }

        await timeline.UpsertAsync(TimelineRow.ForPost(post), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await MarkSummaryRetryAsync(post, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> GetSummaryRetriesAsync(int max, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Names.Summaries).ConfigureAwait(false);
        var ids = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {RetryPartition}"), Math.Clamp(max, 1, 1_000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (ids.Count >= max)
            {
                break;
            }

            ids.Add(row.RowKey);
        }

        return ids;
    }

    private async Task MarkSummaryRetryAsync(Post post, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Names.Summaries).ConfigureAwait(false);
        if (post.SummaryRetry)
        {
            await table.UpsertAsync(new TableEntity(RetryPartition, post.Id), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await table.DeleteIfPresentAsync(RetryPartition, post.Id, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static TableEntity IdentityRow(string key, string postId)
    {
        var (partition, row) = TableKeys.Spread(TableKeys.Hashed("id", key));
        return new TableEntity(partition, row) { ["PostId"] = postId, ["Key"] = key };
    }

    private async Task IndexAsync(string postId, IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken)
    {
        var keys = await tables.GetAsync(tables.Names.PostKeys).ConfigureAwait(false);
        foreach (var key in identityKeys)
        {
            await keys.UpsertAsync(IdentityRow(key, postId), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }
}
