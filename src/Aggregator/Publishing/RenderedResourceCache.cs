using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing;

/// <summary>
/// Rendered feeds by variant (route, representation, base URL, canonical query), each holding its latest rendering and
/// the data version it was made from. Bounded by entries and by bytes, least recently used out first, so a flood of
/// distinct queries costs renders but never unbounded memory. The latest rendering of a variant is kept when the data
/// moves on until it is rendered again, which is what a request can still be answered with while storage is down.
/// </summary>
internal sealed class RenderedResourceCache : IDisposable
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<RenderedResource>>> rendering = new(StringComparer.Ordinal);
    private readonly Lock evicting = new();
    private readonly SemaphoreSlim renderers;
    private readonly int maxEntries;
    private readonly long maxBytes;
    private long bytes;
    private long uses;

    public RenderedResourceCache(IOptions<PublishingOptions> options)
    {
        maxEntries = Math.Max(1, options.Value.RenderCacheEntries);
        maxBytes = Math.Max(1, options.Value.RenderCacheBytes);
        // Rendering is CPU and allocation: more at once than there are cores only makes every one of them slower.
        renderers = new SemaphoreSlim(Math.Max(2, Environment.ProcessorCount));
    }

    public int Count => entries.Count;

    /// <summary>The memory the kept renderings may come to hold (see <see cref="RenderedResource.EstimatedSize"/>).</summary>
    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>The variant's rendering if it was made from <paramref name="version"/>.</summary>
    public bool TryGet(string key, string version, out RenderedResource? resource)
    {
        if (entries.TryGetValue(key, out var entry) && entry.Version == version)
        {
            entry.LastUsed = Interlocked.Increment(ref uses);
            resource = entry.Resource;
            return true;
        }

        resource = null;
        return false;
    }

    /// <summary>The variant's latest rendering, whatever data it was made from: for when the current data cannot be read.</summary>
    public bool TryGetLatest(string key, out RenderedResource? resource)
    {
        resource = entries.TryGetValue(key, out var entry) ? entry.Resource : null;
        return resource is not null;
    }

    /// <summary>
    /// The cached resource, or one rendering shared by every request that misses at the same time: when the data version
    /// changes and a hundred readers poll at once, the feed is rendered once, not a hundred times.
    /// </summary>
    public async Task<RenderedResource> GetOrRenderAsync(string key, string version, Func<Task<RenderedResource>> render)
    {
        if (TryGet(key, version, out var cached))
        {
            return cached!;
        }

        var renderKey = key + "\n" + version;
        var shared = rendering.GetOrAdd(renderKey, _ => new Lazy<Task<RenderedResource>>(() => RenderLimitedAsync(render)));
        try
        {
            var resource = await shared.Value.ConfigureAwait(false);
            Set(key, version, resource);
            return resource;
        }
        finally
        {
            rendering.TryRemove(new KeyValuePair<string, Lazy<Task<RenderedResource>>>(renderKey, shared));
        }
    }

    public void Set(string key, string version, RenderedResource resource)
    {
        var entry = new Entry(version, resource) { LastUsed = Interlocked.Increment(ref uses) };
        lock (evicting)
        {
            if (entries.TryGetValue(key, out var old))
            {
                if (ReferenceEquals(old.Resource, resource))
                {
                    return;
                }

                Interlocked.Add(ref bytes, -old.Resource.EstimatedSize);
            }

            entries[key] = entry;
            Interlocked.Add(ref bytes, resource.EstimatedSize);
            while (entries.Count > maxEntries || Interlocked.Read(ref bytes) > maxBytes)
            {
                // A scan, not a list: inserts are rare (once per variant and data version), lookups are every request.
                var oldest = entries.MinBy(e => e.Value.LastUsed);
                if (entries.TryRemove(oldest.Key, out var removed))
                {
                    Interlocked.Add(ref bytes, -removed.Resource.EstimatedSize);
                }
            }
        }
    }

    public void Dispose() => renderers.Dispose();

    private async Task<RenderedResource> RenderLimitedAsync(Func<Task<RenderedResource>> render)
    {
        await renderers.WaitAsync().ConfigureAwait(false);
        try
        {
            return await render().ConfigureAwait(false);
        }
        finally
        {
            renderers.Release();
        }
    }

    private sealed class Entry(string version, RenderedResource resource)
    {
        public string Version { get; } = version;

        public RenderedResource Resource { get; } = resource;

        public long LastUsed { get; set; }
    }
}
