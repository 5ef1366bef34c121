using System.Net;

namespace Aggregator.Fetching;

/// <summary>
/// A connection the <see cref="NetworkAddressPolicy"/> refused, thrown before any byte is sent. The message names the
/// address and its kind ("127.0.0.1 is a loopback address"), never anything the request carried.
/// </summary>
public sealed class AddressRefusedException : Exception
{
    internal AddressRefusedException(string host, IPAddress? address, string reason)
        : base(Describe(host, address, reason))
    {
        Host = host;
        Address = address;
        Reason = reason;
    }

    /// <summary>The host name (or literal address) of the URL.</summary>
    public string Host { get; }

    /// <summary>The refused address; null when the host resolved to no address at all.</summary>
    public IPAddress? Address { get; }

    /// <summary>Why, e.g. "a loopback address".</summary>
    public string Reason { get; }

    private static string Describe(string host, IPAddress? address, string reason)
    {
        if (address is null)
        {
            return $"{host} {reason}";
        }

        var literal = address.ToString();
        return string.Equals(host, literal, StringComparison.OrdinalIgnoreCase)
            ? $"{literal} is {reason}"
            : $"{host} resolves to {literal}, {reason}";
    }
}
