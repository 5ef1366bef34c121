using System.Net;
using System.Net.Sockets;

namespace Aggregator.Fetching;

/// <summary>
/// Which addresses the aggregator may connect to: public unicast only, by default. Loopback, private, link-local (cloud
/// metadata), carrier-grade NAT, unique-local, multicast and reserved ranges are refused, including IPv4 addresses
/// wrapped in IPv6 (mapped, compatible, 6to4, NAT64), so a feed, a redirect or a signed image URL can never be turned
/// against the host's own network. Checked on the address actually connected to (see <see cref="AddressCheckedConnector"/>),
/// never on URL text, which DNS can make say anything.
/// </summary>
internal sealed class NetworkAddressPolicy
{
    private readonly bool allowLoopback;
    private readonly bool allowAll;

    private NetworkAddressPolicy(bool allowLoopback, bool allowAll)
    {
        this.allowLoopback = allowLoopback;
        this.allowAll = allowAll;
    }

    /// <summary>Public addresses only: the default for every source and every proxied image.</summary>
    public static NetworkAddressPolicy PublicOnly { get; } = new(allowLoopback: false, allowAll: false);

    /// <summary>
    /// Public, plus 127.0.0.1 and ::1 where test fixture servers listen: only tests use it. The rest of 127.0.0.0/8 and
    /// every private range stay refused, so a test can stand an "internal service" on 127.0.0.2 and prove it unreachable.
    /// </summary>
    public static NetworkAddressPolicy PublicAndLoopback { get; } = new(allowLoopback: true, allowAll: false);

    /// <summary>Anything: a source the operator marked <c>allowPrivateNetwork</c> (an intranet feed).</summary>
    public static NetworkAddressPolicy Unrestricted { get; } = new(allowLoopback: true, allowAll: true);

    public static NetworkAddressPolicy For(bool allowLoopback) => allowLoopback ? PublicAndLoopback : PublicOnly;

    public bool IsAllowed(IPAddress address) => Refusal(address) is null;

    /// <summary>Why <paramref name="address"/> is refused ("a loopback address"), or null when it may be connected to.</summary>
    public string? Refusal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (allowAll)
        {
            return null;
        }

        var v4 = Embedded(address);
        if (IPAddress.IsLoopback(address) || (v4 is not null && v4.GetAddressBytes()[0] == 127))
        {
            var fixtureAddress = address.Equals(IPAddress.IPv6Loopback) || IPAddress.Loopback.Equals(v4);
            return allowLoopback && fixtureAddress ? null : "a loopback address";
        }

        if (v4 is not null)
        {
            return V4Refusal(v4.GetAddressBytes());
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 ? V6Refusal(address) : "not an IP address";
    }

    private static string? V6Refusal(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6None))
        {
            return "the unspecified address";
        }

        if (address.IsIPv6LinkLocal)
        {
            return "a link-local address";
        }

        if (address.IsIPv6SiteLocal || (b[0] & 0xFE) == 0xFC)
        {
            return "a private (unique local) address"; // fc00::/7, and the deprecated fec0::/10
        }

        if (address.IsIPv6Multicast)
        {
            return "a multicast address";
        }

        var documentation = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8; // 2001:db8::/32
        var discard = b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0; // 100::/64
        var compatible = b.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0; // ::/80 (IPv4-compatible and friends)
        return documentation || discard || compatible ? "a reserved address" : null;
    }

    private static string? V4Refusal(byte[] b)
    {
        if (b[0] == 0)
        {
            return "an unspecified (0.0.0.0/8) address";
        }

        if (b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168))
        {
            return "a private address";
        }

        if (b[0] == 169 && b[1] == 254)
        {
            return "a link-local address (where cloud metadata endpoints live)";
        }

        if (b[0] == 100 && (b[1] & 0xC0) == 64)
        {
            return "a carrier-grade NAT (100.64.0.0/10) address";
        }

        if (b[0] >= 224)
        {
            return b[0] < 240 ? "a multicast address" : "a reserved address";
        }

        var reserved = (b[0] == 192 && b[1] == 0 && b[2] == 0) // 192.0.0.0/24 protocol assignments
            || (b[0] == 192 && b[1] == 0 && b[2] == 2) // documentation
            || (b[0] == 198 && (b[1] & 0xFE) == 18) // 198.18.0.0/15 benchmarking
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)
            || (b[0] == 203 && b[1] == 0 && b[2] == 113);
        return reserved ? "a reserved address" : null;
    }

    /// <summary>
    /// The IPv4 address itself, or the one inside an IPv4-mapped, IPv4-compatible, 6to4 (2002::/16) or NAT64
    /// (64:ff9b::/96) IPv6 address; null for other IPv6 addresses.
    /// </summary>
    private static IPAddress? Embedded(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.AddressFamily == AddressFamily.InterNetwork ? address : null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(b.AsSpan(2, 4));
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        // ::a.b.c.d (IPv4-compatible, deprecated): ::1 and :: are handled by the callers before this matters.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0 && b.AsSpan(12, 4).IndexOfAnyExcept((byte)0) >= 0 && !IPAddress.IsLoopback(address))
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        return null;
    }
}
