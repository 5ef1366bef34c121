using Aggregator.Dedupe;
using Azure;
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

    // On the main row of a post that lost a race to a copy: the id of the post that holds it now.
    private const string MergedIntoProperty = "MergedInto";

    private readonly FingerprintBandIndex bands = new(tables);

    public async Task<Post?> GetAsync(string postId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(postId);
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        if (await ReadMainAsync(posts, postId, cancellationToken).ConfigureAwait(false) is not { } main)
        {
            return null;
        }

        var content = await PartitionReader.ReadRowsAsync(posts, main.PartitionKey, PostEntityMapper.ChunkRowKeys(main), cancellationToken).ConfigureAwait(false);
        return PostEntityMapper.FromEntities([main, .. content]);
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

    public async Task<PostAddResult> AddAsync(
        Post post, IReadOnlyCollection<string> identityKeys, int maxFingerprintDistance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        var rows = PostEntityMapper.ToEntities(post);
        rows[^1]["TimelineKey"] = TimelineRow.PostRowKey(post);

        // The post's rows first, invisible until its timeline row exists; then the near-duplicate claim, the timeline
        // and the identity keys last. Each step is idempotent, so a run that died anywhere in between arrives here again
        // (no identity key yet) and completes the post from its rows as first stored.
        var firstWrite = await PartitionWriter.AddAsync(posts, rows, cancellationToken).ConfigureAwait(false);
        if (!firstWrite)
        {
            var main = await ReadMainAsync(posts, post.Id, cancellationToken).ConfigureAwait(false);
            if (main is not null && main.PartitionKey != post.Id)
            {
                // An earlier attempt of this post lost to another copy and was merged into it.
                await AddSourceAsync(main.PartitionKey, post.Sources[0], identityKeys, cancellationToken).ConfigureAwait(false);
                return new PostAddResult(PostAddOutcome.Duplicate, main.PartitionKey);
            }

            // The same id from another feed (one link syndicated twice) or an earlier attempt of this very copy: either
            // way this copy must be on it.
            foreach (var copy in post.Sources)
            {
                await AddSourceAsync(post.Id, copy, identityKeys, cancellationToken).ConfigureAwait(false);
            }
        }

        var stored = await GetAsync(post.Id, cancellationToken).ConfigureAwait(false) ?? post;
        if (stored.Fingerprint != 0
            && await bands.ClaimAsync(stored.Id, stored.Fingerprint, c => TextFingerprint.Distance(c.Fingerprint, stored.Fingerprint) <= maxFingerprintDistance, cancellationToken)
                .ConfigureAwait(false) is { } duplicateOf)
        {
            await MergeIntoAsync(stored, duplicateOf, identityKeys, cancellationToken).ConfigureAwait(false);
            return new PostAddResult(PostAddOutcome.Duplicate, duplicateOf);
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        await timeline.UpsertAsync(TimelineRow.ForPost(stored), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await MarkSummaryRetryAsync(stored, cancellationToken).ConfigureAwait(false);
        var (owner, claimedAny) = await ClaimIdentityAsync(stored.Id, identityKeys, cancellationToken).ConfigureAwait(false);
        if (owner is not null)
        {
            // The same guid or link was stored by another writer at the same moment, with a text too different to meet
            // in the bands: the first key holder keeps the post.
            await MergeIntoAsync(stored, owner, identityKeys, cancellationToken).ConfigureAwait(false);
            return new PostAddResult(PostAddOutcome.Known, owner);
        }

        // Stored whole before, keys and all: this was a repeat (a message delivered twice), not a repair.
        return new PostAddResult(firstWrite || claimedAny || identityKeys.Count == 0 ? PostAddOutcome.Added : PostAddOutcome.Known, stored.Id);
    }

    public async Task AddSourceAsync(string postId, PostSource source, IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken = default)
    {
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            if (await ReadMainAsync(posts, postId, cancellationToken).ConfigureAwait(false) is not { } main)
            {
                return;
            }

            postId = main.PartitionKey;
            var sources = JsonColumn.Read<List<PostSource>>(main.GetString("Sources"), []);
            if (sources.Any(s => s.SourceId == source.SourceId && s.Link == source.Link))
            {
                // Seen before: the common case of every run re-reading a feed. Its keys were claimed when it was recorded.
                return;
            }

            sources.Add(source);
            main["Sources"] = JsonColumn.Write(sources);
            if (!await posts.UpdateIfUnchangedAsync(main, main.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false))
            {
                if (attempt >= 32)
                {
                    throw new InvalidOperationException($"Post {postId} kept changing under {attempt} attempts to record source {source.SourceId}.");
                }

                continue;
            }

            if (main.GetString("TimelineKey") is { } timelineKey)
            {
                var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
                var ids = sources.Select(s => s.SourceId).Append(main.GetString("SourceId") ?? "").Distinct(StringComparer.Ordinal);
                await timeline.UpdateIfUnchangedAsync(
                    new TableEntity(TimelineRow.PostsPartition, timelineKey) { ["SourceIds"] = "|" + string.Join("|", ids) + "|" },
                    ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }

            break;
        }

        // A key already held by another post stays with it: that post is what the key found first.
        _ = await ClaimIdentityAsync(postId, identityKeys, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> UpdateAsync(Post post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        var previous = await posts.GetEntityIfExistsAsync<TableEntity>(post.Id, PostEntityMapper.MainRowKey(post.Id), ["TimelineKey"], cancellationToken).ConfigureAwait(false);
        var rows = PostEntityMapper.ToEntities(post);
        var timelineKey = TimelineRow.PostRowKey(post);
        rows[^1]["TimelineKey"] = timelineKey;
        if (post.StoreVersion is { } version)
        {
            if (!await PartitionWriter.WriteIfUnchangedAsync(posts, rows, new ETag(version), cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
        else
        {
            await PartitionWriter.UpsertAsync(posts, rows, cancellationToken).ConfigureAwait(false);
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        if (previous.HasValue && previous.Value!.GetString("TimelineKey") is { } oldKey && oldKey != timelineKey)
        {
            // A new published date moves the post within its first-seen run: one timeline row, never two.
            await timeline.DeleteIfPresentAsync(TimelineRow.PostsPartition, oldKey, cancellationToken).ConfigureAwait(false);
        }

        await timeline.UpsertAsync(TimelineRow.ForPost(post), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        await MarkSummaryRetryAsync(post, cancellationToken).ConfigureAwait(false);
        return true;
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

    /// <summary>
    /// Inserts each identity key for the post unless another live post holds it: that post's id is returned. Keys left
    /// pointing at a post since merged into this one are re-pointed. Also says whether any key was new.
    /// </summary>
    private async Task<(string? Owner, bool ClaimedAny)> ClaimIdentityAsync(string postId, IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken)
    {
        var keys = await tables.GetAsync(tables.Names.PostKeys).ConfigureAwait(false);
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        var claimedAny = false;
        foreach (var key in identityKeys)
        {
            var row = IdentityRow(key, postId);
            for (var attempt = 0; attempt < 8; attempt++)
            {
                if (await keys.AddIfAbsentAsync(row, cancellationToken).ConfigureAwait(false))
                {
                    claimedAny = true;
                    break;
                }

                var existing = await keys.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!existing.HasValue)
                {
                    continue;
                }

                var holder = existing.Value!.GetString("PostId");
                if (holder == postId)
                {
                    break;
                }

                var live = holder is null ? null : await ReadMainAsync(posts, holder, cancellationToken).ConfigureAwait(false);
                if (live is not null && live.PartitionKey != postId)
                {
                    return (live.PartitionKey, claimedAny);
                }

                if (await keys.UpdateIfUnchangedAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false))
                {
                    claimedAny = true;
                    break;
                }
            }
        }

        return (null, claimedAny);
    }

    /// <summary>
    /// Folds a post that lost a race into the post that won: its copies are recorded on the winner and it stays behind
    /// as a pointer, so every key and band entry that names it still leads to the winner.
    /// </summary>
    private async Task MergeIntoAsync(Post loser, string winnerId, IReadOnlyCollection<string> identityKeys, CancellationToken cancellationToken)
    {
        var posts = await tables.GetAsync(tables.Names.Posts).ConfigureAwait(false);
        // The pointer is set on the version whose copies are then moved: a copy recorded on the loser a moment later
        // fails its conditional write, reads again, and follows the pointer to the winner.
        var copies = loser.Sources;
        for (var attempt = 0; attempt < 32; attempt++)
        {
            var main = await posts.GetEntityIfExistsAsync<TableEntity>(loser.Id, PostEntityMapper.MainRowKey(loser.Id), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!main.HasValue)
            {
                break;
            }

            copies = JsonColumn.Read<List<PostSource>>(main.Value!.GetString("Sources"), []);
            var pointer = new TableEntity(loser.Id, PostEntityMapper.MainRowKey(loser.Id)) { [MergedIntoProperty] = winnerId };
            if (await posts.UpdateIfUnchangedAsync(pointer, main.Value!.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        var timeline = await tables.GetAsync(tables.Names.Timeline).ConfigureAwait(false);
        await timeline.DeleteIfPresentAsync(TimelineRow.PostsPartition, TimelineRow.PostRowKey(loser), cancellationToken).ConfigureAwait(false);
        var summaries = await tables.GetAsync(tables.Names.Summaries).ConfigureAwait(false);
        await summaries.DeleteIfPresentAsync(RetryPartition, loser.Id, cancellationToken).ConfigureAwait(false);
        foreach (var copy in copies)
        {
            await AddSourceAsync(winnerId, copy, identityKeys, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The post's main row, following merge pointers to the post that absorbed it; null when there is none.</summary>
    private static async Task<TableEntity?> ReadMainAsync(TableClient posts, string postId, CancellationToken cancellationToken)
    {
        for (var hops = 0; hops < 8; hops++)
        {
            var main = await posts.GetEntityIfExistsAsync<TableEntity>(postId, PostEntityMapper.MainRowKey(postId), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!main.HasValue)
            {
                return null;
            }

            if (main.Value!.GetString(MergedIntoProperty) is not { Length: > 0 } winner)
            {
                return main.Value;
            }

            postId = winner;
        }

        return null;
    }
}
