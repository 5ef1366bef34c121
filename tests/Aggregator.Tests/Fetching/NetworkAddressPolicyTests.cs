using System.Net;
using Aggregator.Fetching;

namespace Aggregator.Tests.Fetching;

public sealed class NetworkAddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.10.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("2002:c0a8:0101::1")] // 6to4 wrapping 192.168.1.1
    [InlineData("64:ff9b::a9fe:a9fe")] // NAT64 wrapping 169.254.169.254
    [InlineData("::127.0.0.1")] // IPv4-compatible
    public void IsAllowed_NonPublicAddress_IsRefused(string address)
    {
        Assert.False(NetworkAddressPolicy.PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("104.16.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void IsAllowed_PublicAddress_IsAllowed(string address)
    {
        Assert.True(NetworkAddressPolicy.PublicOnly.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("127.0.0.2", false)]
    [InlineData("127.10.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    public void IsAllowed_WithLoopbackAllowedForTests_AllowsOnlyTheFixtureAddress(string address, bool expected)
    {
        Assert.Equal(expected, NetworkAddressPolicy.PublicAndLoopback.IsAllowed(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::ffff:127.0.0.1", "a loopback address")]
    [InlineData("10.1.2.3", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("192.168.0.1", "a private address")]
    [InlineData("::ffff:192.168.0.1", "a private address")]
    [InlineData("169.254.169.254", "a link-local address (where cloud metadata endpoints live)")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("fd00::1", "a private (unique local) address")]
    [InlineData("100.64.0.1", "a carrier-grade NAT (100.64.0.0/10) address")]
    [InlineData("0.0.0.0", "an unspecified (0.0.0.0/8) address")]
    [InlineData("::", "the unspecified address")]
    public void Refusal_NamesTheKindOfAddress(string address, string reason)
    {
        Assert.Equal(reason, NetworkAddressPolicy.PublicOnly.Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("fd00::1")]
    public void Unrestricted_ForAnOptedInSource_AllowsInternalAddresses(string address)
    {
        Assert.True(NetworkAddressPolicy.Unrestricted.IsAllowed(IPAddress.Parse(address)));
    }
}
