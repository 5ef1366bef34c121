using System.Net;
using System.Net.Sockets;

namespace Aggregator.Fetching;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of every client that fetches what outsiders name (sources, full
/// text, proxied images): DNS is resolved here, every address is checked against the policy, and the socket connects to
/// a checked address — never a second resolution an attacker could answer differently (DNS rebinding). It runs for
/// each new connection, so each redirect hop to a new host is checked too.
/// </summary>
internal static class AddressCheckedConnector
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> For(NetworkAddressPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return (context, cancellationToken) => ConnectAsync(policy, context.DnsEndPoint, cancellationToken);
    }

    private static async ValueTask<Stream> ConnectAsync(NetworkAddressPolicy policy, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var host = endPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new AddressRefusedException(host, null, "does not resolve to any address");
        }

        // All or nothing: a name that resolves to one public and one private address is refused, or a retry on the
        // second address would reach the private one.
        foreach (var address in addresses)
        {
            if (policy.Refusal(address) is { } reason)
            {
                throw new AddressRefusedException(host, address, reason);
            }
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    /// <summary>The refusal inside what <see cref="HttpClient"/> threw (it wraps connect failures), or null.</summary>
    public static AddressRefusedException? FindRefusal(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is AddressRefusedException refusal)
            {
                return refusal;
            }
        }

        return null;
    }
}
