using System.Net;
using System.Net.Sockets;

namespace Aggregator.Publishing.Images;

/// <summary>
/// Which addresses the image proxy may connect to: public unicast only. Loopback, private, link-local, carrier-grade
/// NAT, multicast and reserved ranges are refused, including IPv4 addresses wrapped in IPv6 (mapped, 6to4, NAT64), so a
/// signed URL can never be turned against the host's own network.
/// </summary>
internal sealed class ImageAddressPolicy(bool allowLoopback)
{
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (IPAddress.IsLoopback(address) || IsLoopbackV4(Embedded(address)))
        {
            return allowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV6(IPAddress address)
    {
        if (Embedded(address) is { } v4)
        {
            return IsPublicV4(v4.GetAddressBytes());
        }

        var b = address.GetAddressBytes();
        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        return !(address.IsIPv6LinkLocal
            || address.IsIPv6SiteLocal
            || address.IsIPv6Multicast
            || (b[0] & 0xFE) == 0xFC // fc00::/7 unique local
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // 2001:db8::/32 documentation
            || (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0) // 100::/64 discard
            || b.AsSpan(0, 10).IndexOfAnyExcept((byte)0) < 0); // ::/80 (IPv4-compatible and friends)
    }

    private static bool IsPublicV4(byte[] b) =>
        !(b[0] == 0 // 0.0.0.0/8 "this network"
            || b[0] == 10
            || b[0] == 127
            || (b[0] == 100 && (b[1] & 0xC0) == 64) // 100.64.0.0/10 carrier-grade NAT
            || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata endpoints
            || (b[0] == 172 && (b[1] & 0xF0) == 16)
            || (b[0] == 192 && b[1] == 0 && b[2] == 0) // 192.0.0.0/24 protocol assignments
            || (b[0] == 192 && b[1] == 0 && b[2] == 2) // documentation
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 198 && (b[1] & 0xFE) == 18) // 198.18.0.0/15 benchmarking
            || (b[0] == 198 && b[1] == 51 && b[2] == 100)
            || (b[0] == 203 && b[1] == 0 && b[2] == 113)
            || b[0] >= 224); // multicast, reserved, broadcast

    /// <summary>The IPv4 address inside an IPv4-mapped, 6to4 (2002::/16) or NAT64 (64:ff9b::/96) IPv6 address.</summary>
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

        return null;
    }

    private static bool IsLoopbackV4(IPAddress? address) =>
        address is { AddressFamily: AddressFamily.InterNetwork } && address.GetAddressBytes()[0] == 127;
}
