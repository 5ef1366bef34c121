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
    // Ingestion runs sources in parallel; two posts about the same new paper must not both create it.
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IReadOnlyList<PostPaper>> ResolveAsync(Post post, IReadOnlyList<PaperMention> mentions, CancellationToken cancellationToken = default)
    {
        var result = new List<PostPaper>();
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var mention in mentions.Where(m => m.Keys.Count > 0))
            {
                var paper = await ResolveOneAsync(post, mention, cancellationToken).ConfigureAwait(false);
                if (result.All(r => r.PaperId != paper.Id))
                {
                    result.Add(new PostPaper(paper.Id, paper.Title, paper.CanonicalUrl));
                }
            }
        }
        finally
        {
            gate.Release();
        }

        return result;
    }

    /// <summary>
    /// Changes a stored paper (enrichment: canonical metadata, an arXiv id found by title) under the same gate as
    /// ingestion. When the change gives it a key another paper already holds, the two merge exactly as two mentions
    /// would: the older survives with its id, the other becomes a redirect. Null when the paper is gone or
    /// <paramref name="revise"/> declines (returns null).
    /// </summary>
    public async Task<PaperRevision?> ReviseAsync(string paperId, Func<Paper, Paper?> revise, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(paperId);
        ArgumentNullException.ThrowIfNull(revise);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = await store.GetAsync(paperId, cancellationToken).ConfigureAwait(false);
            if (current is null || revise(current) is not { } revised)
            {
                return null;
            }

            var keys = PaperUpdate.KeysOf(revised).Concat(PaperUpdate.KeysOf(current)).Distinct().ToList();
            var known = await store.FindByKeysAsync(keys, cancellationToken).ConfigureAwait(false);
            var others = new List<Paper>();
            foreach (var id in known.Values.Distinct(StringComparer.Ordinal).Where(id => id != current.Id))
            {
                if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } other && other.Id != current.Id && others.All(p => p.Id != other.Id))
                {
                    others.Add(other);
                }
            }

            if (others.Count == 0)
            {
                await store.SaveAsync(revised, keys, cancellationToken).ConfigureAwait(false);
                return new PaperRevision(revised, []);
            }

            var ordered = others.Append(revised).OrderBy(p => p.FirstSeen).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
            var survivor = ordered[0];
            foreach (var absorbed in ordered.Skip(1))
            {
                survivor = PaperUpdate.Absorb(survivor, absorbed);
            }

            survivor = survivor with { Updated = clock.GetUtcNow() };
            var allKeys = ordered.SelectMany(PaperUpdate.KeysOf).Concat(keys).Concat(PaperUpdate.KeysOf(survivor)).Distinct().ToList();
            foreach (var absorbed in ordered.Skip(1))
            {
                await store.MergeAsync(survivor, allKeys, absorbed.Id, cancellationToken).ConfigureAwait(false);
            }

            return new PaperRevision(survivor, ordered.Skip(1).Select(p => p.Id).ToList());
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<Paper> ResolveOneAsync(Post post, PaperMention mention, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await store.FindByKeysAsync(mention.Keys, cancellationToken).ConfigureAwait(false);
        var stored = new List<Paper>();
        foreach (var id in known.Values.Distinct(StringComparer.Ordinal))
        {
            if (await store.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } paper && stored.All(p => p.Id != paper.Id))
            {
                stored.Add(paper);
            }
        }

        var coverage = new PaperCoverage(post.Id, post.SourceId, post.SourceName, post.Title, post.Link, now);
        var ordered = stored.OrderBy(p => p.FirstSeen).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
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

        var keys = PaperUpdate.KeysOf(updated).Concat(mention.Keys).Distinct().ToList();
        if (ordered.Count > 1)
        {
            foreach (var absorbed in ordered.Skip(1))
            {
                await store.MergeAsync(updated, keys.Concat(PaperUpdate.KeysOf(absorbed)).Distinct().ToList(), absorbed.Id, cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await store.SaveAsync(updated, keys, cancellationToken).ConfigureAwait(false);
        }

        return updated;
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
