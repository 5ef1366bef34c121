using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Aggregator.Publishing;

/// <summary>
/// The base URL a request's links are written with, normalised ("HTTP://Feeds.Example.org:80" and
/// "http://feeds.example.org" are one address) and bounded: the Host header is the client's to choose, so only the
/// first few distinct ones get renderings of their own and the rest are answered as the first. A configured public
/// base URL ends the question: every request is written with it.
/// </summary>
internal sealed class SiteAddresses
{
    private readonly string? configured;
    private readonly int max;
    private readonly ConcurrentDictionary<string, byte> known = new(StringComparer.Ordinal);
    private string? first;

    public SiteAddresses(IOptions<PublishingOptions> options)
    {
        configured = options.Value.PublicBaseUrl is { Length: > 0 } url ? url.Trim().TrimEnd('/') : null;
        max = Math.Max(1, options.Value.MaxSiteAddresses);
    }

    public string BaseUrl(HttpRequest request)
    {
        if (configured is not null)
        {
            return configured;
        }

        var address = Normalise(request);
        if (known.ContainsKey(address))
        {
            return address;
        }

        if (known.Count < max && known.TryAdd(address, 0))
        {
            Interlocked.CompareExchange(ref first, address, null);
            return address;
        }

        return first ?? address;
    }

    internal static string Normalise(HttpRequest request)
    {
        var scheme = request.Scheme.ToLowerInvariant();
        var host = request.Host;
        var name = (host.Host ?? "").TrimEnd('.').ToLowerInvariant();
        var port = host.Port;
        var defaultPort = scheme == "https" ? 443 : scheme == "http" ? 80 : (int?)null;
        var hostText = port is { } p && p != defaultPort ? new HostString(name, p).ToUriComponent() : new HostString(name).ToUriComponent();
        return string.Concat(scheme, "://", hostText, request.PathBase.ToUriComponent());
    }
}
