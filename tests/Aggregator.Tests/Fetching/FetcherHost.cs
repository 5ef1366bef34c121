using Aggregator.Fetching;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Fetching;

/// <summary>The fetcher as the app builds it (AddAggregatorFetching), so tests cover the registration too.</summary>
internal sealed class FetcherHost : IDisposable
{
    private readonly ServiceProvider provider;

    private FetcherHost(ServiceProvider provider)
    {
        this.provider = provider;
        Fetcher = provider.GetRequiredService<IFetcher>();
    }

    public IFetcher Fetcher { get; }

    /// <summary>A fetcher that may reach the loopback fixture servers (as every test needs), then <paramref name="configure"/>.</summary>
    public static FetcherHost Create(Action<FetcherOptions>? configure = null) => CreateWithDefaultPolicy(o =>
    {
        o.AllowLoopbackForTests = true;
        configure?.Invoke(o);
    });

    /// <summary>A fetcher exactly as production builds it: loopback is refused like any private address.</summary>
    public static FetcherHost CreateWithDefaultPolicy(Action<FetcherOptions>? configure = null)
    {
        var provider = new ServiceCollection().AddAggregatorFetching(configure).BuildServiceProvider();
        try
        {
            return new FetcherHost(provider);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    public Task<FetchResponse> FetchAsync(Uri url) => Fetcher.FetchAsync(new FetchRequest(url));

    public Task<FetchResponse> FetchAsync(FetchRequest request) => Fetcher.FetchAsync(request);

    public void Dispose() => provider.Dispose();
}
