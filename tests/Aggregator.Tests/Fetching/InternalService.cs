using System.Net;
using Aggregator.Testing.Http;

namespace Aggregator.Tests.Fetching;

/// <summary>
/// A stand-in for a service on the host's own network: a loopback server on 127.0.0.2, which the tests' loopback opt-in
/// (127.0.0.1 only) does not cover, so reaching it means the address policy failed.
/// </summary>
internal static class InternalService
{
    public const string Secret = "INTERNAL-SECRET-PAGE";

    public static readonly IPAddress Address = IPAddress.Parse("127.0.0.2");

    /// <summary>Starts the service with <see cref="Secret"/> on <c>/secret</c>, and proves a plain client does reach it.</summary>
    public static async Task<LoopbackServer> StartAsync()
    {
        var server = await LoopbackServer.StartAsync(Address);
        server.Map("/secret", LoopbackResponse.Text(
            $"<html><body><article><h1>{Secret}</h1><p>{Secret}: the admin token and the internal wiki, published for anyone who asks.</p>"
            + $"<p>{Secret} again, long enough to look like the main content of an article page.</p></article></body></html>",
            "text/html; charset=utf-8"));

        // Without the policy the page is there to be had: the refusals under test are the policy's doing.
        using (var plain = new HttpClient(new SocketsHttpHandler { UseProxy = false }))
        {
            Assert.Contains(Secret, await plain.GetStringAsync(server.Url("/secret")), StringComparison.Ordinal);
        }

        return server;
    }

    /// <summary>How many requests the service has received, not counting the reachability probe.</summary>
    public static int RequestsAfterProbe(LoopbackServer server) => server.Requests.Count - 1;
}
