using Aggregator.Storage;
using Aggregator.Summaries;

namespace Aggregator.Papers;

/// <summary>
/// Folds a post's paper mentions into the stored papers: a mention that shares any key with a stored paper updates it,
/// a mention whose keys point at two stored papers merges them (the older survives, so its feed guid stays), and a
/// mention with unknown keys creates a paper. Mirrors <see cref="PaperMergeModel"/>, the pure form of the same rule.
/// </summary>
public sealed class PaperResolver(IPaperStore store, PaperSummaryPicker summaries, TimeProvider clock)
{
    // Each attempt loses only to a writer that changed the same paper in the meantime; a handful is plenty even with
    // every instance ingesting posts about one paper at once.
    private const int MaxAttempts = 16;

    public async Task<IReadOnlyList<PostPaper>> ResolveAsync(Post post, IReadOnlyList<PaperMention> mentions, CancellationToken cancellationToken = default)
    {
        var result = new List<PostPaper>();
        foreach (var mention in mentions.Where(m => m.Keys.Count > 0))
        {
            var paper = await ResolveOneAsync(post, mention, cancellationToken).ConfigureAwait(false);
            if (result.All(r => r.PaperId != paper.Id))
            {
                result.Add(new PostPaper(paper.Id, paper.Title, paper.CanonicalUrl));
            }
        }

        return result;
    }

    /// <summary>
    /// Changes a stored paper (enrichment: canonical metadata, an arXiv id found by title) with the same conditional
    /// writes as ingestion. When the change gives it a key another paper already holds, the two merge exactly as two
    /// mentions would: the older survives with its id, the other becomes a redirect. Null when the paper is gone or
    /// <paramref name="revise"/> declines (returns null); once applied, a lost race only finishes the merge.
    /// </summary>
    public async Task<PaperRevision?> ReviseAsync(string paperId, Func<Paper, Paper?> revise, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paperId);
        ArgumentNullException.ThrowIfNull(revise);
        var absorbed = new List<string>();
        for (var attempt = 1; ; attempt++)
        {
            var (outcome, paper) = await TryReviseAsync(paperId, revise, absorbed, cancellationToken).ConfigureAwait(false);
            switch (outcome)
            {
                case RevisionOutcome.Declined:
                    return null;
                case RevisionOutcome.Done:
                    return new PaperRevision(paper!, absorbed);
                case RevisionOutcome.Applied:
                    // Stored, but a key or a merge lost a race: what is left is only to fold in the other paper.
                    revise = p => p;
                    paperId = paper!.Id;
                    break;
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException($"Paper {paperId} kept changing under {MaxAttempts} attempts to revise it; it is revised again on a later run.");
            }

            await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private enum RevisionOutcome
    {
        Declined,
        Retry,
        Applied,
        Done,
    }

    private async Task<(RevisionOutcome Outcome, Paper? Paper)> TryReviseAsync(string paperId, Func<Paper, Paper?> revise, List<string> absorbedIds, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(paperId, cancellationToken).ConfigureAwait(false);
        if (current is null || revise(current) is not { } revised)
        {
            return (RevisionOutcome.Declined, null);
        }

        var keys = PaperUpdate.KeysOf(revised).Concat(PaperUpdate.KeysOf(current)).Distinct().ToList();
        var known = await store.FindByKeysAsync(keys, cancellationToken).ConfigureAwait(false);
        var (others, distinct) = await JoinableAsync(known, revised.ArxivId, newPaperId: null, self: current.Id, cancellationToken).ConfigureAwait(false);

        // Each record keeps the version it was read at, so every write below is conditional on nobody having changed it.
        var ordered = others.Append(revised).OrderBy(p => p.FirstSeen).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        var survivor = ordered[0];
        foreach (var absorbed in ordered.Skip(1))
        {
            survivor = PaperUpdate.Absorb(survivor, absorbed);
        }

        if (ordered.Count > 1)
        {
            survivor = survivor with { Updated = clock.GetUtcNow() };
        }

        if (!await store.SaveIfUnchangedAsync(survivor, cancellationToken).ConfigureAwait(false))
        {
            return (RevisionOutcome.Retry, null);
        }

        foreach (var absorbed in ordered.Skip(1))
        {
            if (!await store.MarkMergedIfUnchangedAsync(absorbed, survivor.Id, cancellationToken).ConfigureAwait(false))
            {
                return (RevisionOutcome.Applied, survivor);
            }

            absorbedIds.Add(absorbed.Id);
        }

        var claim = ordered.SelectMany(PaperUpdate.KeysOf).Concat(keys).Concat(PaperUpdate.KeysOf(survivor)).Distinct()
            .Where(k => !known.TryGetValue(k, out var owner) || owner != survivor.Id && !distinct.Contains(owner))
            .ToList();
        return await store.ClaimKeysAsync(survivor.Id, claim, cancellationToken).ConfigureAwait(false) is null
            ? (RevisionOutcome.Done, survivor)
            : (RevisionOutcome.Applied, survivor);
    }

    /// <summary>
    /// Takes a post's coverage back from its papers: the post lost a race to a copy stored a moment earlier, which
    /// already holds the coverage, so a paper counts each discussion once whichever instance stored it.
    /// </summary>
    public async Task WithdrawAsync(string postId, IReadOnlyList<PostPaper> papers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(papers);
        foreach (var reference in papers)
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                if (await store.GetAsync(reference.PaperId, cancellationToken).ConfigureAwait(false) is not { } paper
                    || paper.Coverage.All(c => c.PostId != postId))
                {
                    break;
                }

                var withdrawn = paper with { Coverage = paper.Coverage.Where(c => c.PostId != postId).ToList() };
                if (await store.SaveIfUnchangedAsync(withdrawn, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Read, fold, write conditionally, claim the keys; start again whenever another writer (another instance, another
    /// source in this run) changed one of the papers or claimed one of the keys in between. No lock: Table Storage's
    /// ETags and insert-if-absent decide who was first.
    /// </summary>
    private async Task<Paper> ResolveOneAsync(Post post, PaperMention mention, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await TryResolveOneAsync(post, mention, cancellationToken).ConfigureAwait(false) is { } resolved)
            {
                return resolved;
            }

            if (attempt >= MaxAttempts)
            {
                throw new InvalidOperationException(
                    $"Paper {mention.Keys[0]} kept changing under {MaxAttempts} attempts to record post {post.Id}; the post is retried on the next run.");
            }

            // Writers that collided retry at different moments, so they do not collide again in lockstep.
            await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<Paper?> TryResolveOneAsync(Post post, PaperMention mention, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await store.FindByKeysAsync(mention.Keys, cancellationToken).ConfigureAwait(false);
        // The id a new paper would get is looked up too: a writer that stored it but died before claiming its keys
        // (or is claiming them now) must be joined, not raced.
        var (ordered, distinct) = await JoinableAsync(known, mention.ArxivId, PaperIds.FromKey(mention.Keys[0]), self: null, cancellationToken).ConfigureAwait(false);
        var coverage = new PaperCoverage(post.Id, post.SourceId, post.SourceName, post.Title, post.Link, now);
        var survivor = ordered.Count > 0 ? ordered[0] : NewPaper(mention, now);
        foreach (var absorbed in ordered.Skip(1))
        {
            survivor = PaperUpdate.Absorb(survivor, absorbed);
        }

        var updated = PaperUpdate.Apply(survivor, mention, coverage, now);
        if (updated.Summary is null || updated.Summarizer == "extractive")
        {
            var picked = summaries.Pick(mention, post.Language);
            if (picked is not null && (updated.Summary is null || picked.Summarizer != "extractive"))
            {
                updated = updated with { Summary = picked.Text, Summarizer = picked.Summarizer };
            }
        }

        // Survivor first (it already holds the absorbed papers' coverage), then the pointers, then the keys: a crash at
        // any point leaves every key resolving to a paper that holds all coverage written so far.
        if (!await store.SaveIfUnchangedAsync(updated, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        foreach (var absorbed in ordered.Skip(1))
        {
            if (!await store.MarkMergedIfUnchangedAsync(absorbed, updated.Id, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        var keys = PaperUpdate.KeysOf(updated).Concat(mention.Keys).Concat(ordered.Skip(1).SelectMany(PaperUpdate.KeysOf))
            .Distinct()
            .Where(k => !known.TryGetValue(k, out var owner) || owner != updated.Id && !distinct.Contains(owner))
            .ToList();
        return await store.ClaimKeysAsync(updated.Id, keys, cancellationToken).ConfigureAwait(false) is null ? updated : null;
    }

    /// <summary>
    /// The stored papers that the <paramref name="known"/> key owners (and <paramref name="newPaperId"/>, the id a new
    /// paper would get) lead to through redirects, oldest first, that can be one paper with a record whose arXiv id is
    /// <paramref name="arxivId"/>; <paramref name="self"/> is never among them. A paper reached only through a shared
    /// title under another arXiv id is another paper (two papers titled alike): it is left out, and the owner ids that
    /// led to it come back in DistinctOwners, whose keys are not taken. One reached by an id key or by
    /// <paramref name="newPaperId"/> is the store's own answer and always joined.
    /// </summary>
    private async Task<(List<Paper> Papers, HashSet<string> DistinctOwners)> JoinableAsync(
        IReadOnlyDictionary<PaperKey, string> known, string? arxivId, string? newPaperId, string? self, CancellationToken cancellationToken)
    {
        var found = new List<Paper>();
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in known.Values.Append(newPaperId).OfType<string>().Distinct(StringComparer.Ordinal).Where(id => id != self))
        {
            if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } paper && paper.Id != self)
            {
                resolved[id] = paper.Id;
                if (found.All(p => p.Id != paper.Id))
                {
                    found.Add(paper);
                }
            }
        }

        var bound = known.Where(k => k.Key.Kind != PaperKeyKind.Title).Select(k => k.Value).Append(newPaperId)
            .Where(id => id is not null && resolved.ContainsKey(id))
            .Select(id => resolved[id!])
            .ToHashSet(StringComparer.Ordinal);
        var joinable = DistinctPapers.Compatible(
            arxivId, found.OrderBy(p => p.FirstSeen).ThenBy(p => p.Id, StringComparer.Ordinal).ToList(), p => bound.Contains(p.Id));
        var distinct = resolved.Where(r => joinable.All(p => p.Id != r.Value)).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        return (joinable, distinct);
    }

    private static Paper NewPaper(PaperMention mention, DateTimeOffset now) => new()
    {
        // Derived from the strongest key at first sight and never changed, so the paper's feed guid is stable.
        Id = PaperIds.FromKey(mention.Keys[0]),
        Title = mention.Title ?? mention.Keys[0].ToString(),
        FirstSeen = now,
        LastSeen = now,
        Updated = now,
    };
}
