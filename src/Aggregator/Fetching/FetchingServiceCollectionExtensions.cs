using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Aggregator.Fetching;

public static class FetchingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IFetcher"/> (<see cref="HttpFetcher"/>, a singleton), its two named <see cref="HttpClient"/>s (public addresses only; anything, for opted-in sources),
    /// <see cref="FetcherOptions"/> (bindable from configuration as well) and <see cref="RetrySchedule.Default"/>.
    /// </summary>
    public static IServiceCollection AddAggregatorFetching(this IServiceCollection services, Action<FetcherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var optionsBuilder = services.AddOptions<FetcherOptions>()
            .Validate(o => o.Timeout > TimeSpan.Zero, "FetcherOptions.Timeout must be positive.")
            .Validate(o => o.MaxBytes > 0, "FetcherOptions.MaxBytes must be positive.")
            .Validate(o => o.MaxRedirects >= 0, "FetcherOptions.MaxRedirects cannot be negative.")
            .Validate(o => o.MaxConcurrentRequestsPerHost >= 1, "FetcherOptions.MaxConcurrentRequestsPerHost must be at least 1.")
            .Validate(o => o.MaxServerDelay > TimeSpan.Zero, "FetcherOptions.MaxServerDelay must be positive.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.UserAgent), "FetcherOptions.UserAgent must name the aggregator.");
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        // Two clients, so a connection opened for an intranet source is never pooled and reused for a URL that some
        // other source supplied: each client's pool only ever holds connections its own policy allowed.
        AddClient(services, HttpFetcher.HttpClientName, o => NetworkAddressPolicy.For(o.AllowLoopbackForTests));
        AddClient(services, HttpFetcher.PrivateNetworkHttpClientName, _ => NetworkAddressPolicy.Unrestricted);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(RetrySchedule.Default);
        services.TryAddSingleton<IFetcher, HttpFetcher>();
        return services;
    }

    private static void AddClient(IServiceCollection services, string name, Func<FetcherOptions, NetworkAddressPolicy> policy) =>
        services.AddHttpClient(name)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan) // HttpFetcher's own clock covers the body too.
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<FetcherOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AutomaticDecompression = DecompressionMethods.All,

                    // Redirects are followed by HttpFetcher, which counts them and refuses https → http and file:.
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = options.PooledConnectionLifetime,
                    ConnectTimeout = options.Timeout,

                    // The address policy checks what the socket connects to; through a proxy that would be the proxy.
                    UseProxy = false,
                    ConnectCallback = AddressCheckedConnector.For(policy(options)),

                    // One client serves every source: a cookie one site sets must not travel with requests for another.
                    UseCookies = false,
                };
            })

            // The handler lives as long as the app (PooledConnectionLifetime already picks up DNS changes), and
            // HttpFetcher logs each fetch itself, so the factory's per-request Information logs would only be noise.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
}
