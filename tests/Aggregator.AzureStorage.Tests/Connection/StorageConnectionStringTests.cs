using Aggregator.AzureStorage.Connection;

namespace Aggregator.AzureStorage.Tests.Connection;

public sealed class StorageConnectionStringTests
{
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    [Fact]
    public void Parse_UseDevelopmentStorage_PointsAtAzuriteDefaultPorts()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void Parse_DevelopmentStorageProxyUri_KeepsThePortsOnTheProxyHost()
    {
        var parsed = StorageConnectionString.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite.local");

        Assert.Equal(new Uri("http://azurite.local:10002/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://azurite.local:10000/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void Parse_AccountAndSuffix_BuildsHostStyleEndpoints()
    {
        var parsed = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=https;AccountName=aggst01;AccountKey={Key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("aggst01", parsed.AccountName);
        Assert.Equal(new Uri("https://aggst01.table.core.chinacloudapi.cn"), parsed.TableEndpoint);
        Assert.Equal(new Uri("https://aggst01.blob.core.chinacloudapi.cn"), parsed.BlobEndpoint);
    }

    [Fact]
    public void Parse_NoSuffix_DefaultsToPublicAzure()
    {
        var parsed = StorageConnectionString.Parse($"AccountName=aggst01;AccountKey={Key}");

        Assert.Equal(new Uri("https://aggst01.table.core.windows.net"), parsed.TableEndpoint);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_WinAndAccountComesFromThePath()
    {
        var parsed = StorageConnectionString.Parse(
            $"DefaultEndpointsProtocol=http;AccountKey={Key};TableEndpoint=http://127.0.0.1:51234/devstoreaccount1;BlobEndpoint=http://127.0.0.1:51235/devstoreaccount1;");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:51234/devstoreaccount1"), parsed.TableEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:51235/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void Parse_NamesAreCaseInsensitiveAndSpacesTrimmed()
    {
        var parsed = StorageConnectionString.Parse($" accountname = aggst01 ; ACCOUNTKEY={Key} ");

        Assert.Equal("aggst01", parsed.AccountName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AccountName=a")]
    [InlineData("AccountName=a;AccountKey=not*base64")]
    [InlineData("AccountName=a;AccountKey=c2VjcmV0;DefaultEndpointsProtocol=ftp")]
    [InlineData("AccountName=a;AccountKey=c2VjcmV0;TableEndpoint=not a uri")]
    [InlineData("UseDevelopmentStorage=yes")]
    [InlineData("AccountName=a;AccountName=b;AccountKey=c2VjcmV0")]
    public void Parse_Invalid_ThrowsFormatException(string connectionString)
    {
        Assert.Throws<FormatException>(() => StorageConnectionString.Parse(connectionString));
        Assert.False(StorageConnectionString.TryParse(connectionString, out _));
    }

    [Fact]
    public void Parse_Errors_NeverEchoTheKey()
    {
        const string Secret = "c2VjcmV0LWtleS10aGF0LW11c3Qtbm90LWxlYWs=";

        var badProtocol = Assert.Throws<FormatException>(
            () => StorageConnectionString.Parse($"AccountName=a;AccountKey={Secret};DefaultEndpointsProtocol=ftp"));
        var strayKey = Assert.Throws<FormatException>(() => StorageConnectionString.Parse($"AccountName=a;{Secret[..^1]}"));
        var notBase64 = Assert.Throws<FormatException>(() => StorageConnectionString.Parse("AccountName=a;AccountKey=s3cr3t!!"));

        Assert.DoesNotContain(Secret, badProtocol.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret[..^1], strayKey.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", notBase64.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RedactsTheKey()
    {
        var parsed = StorageConnectionString.Parse($"AccountName=aggst01;AccountKey={Key}");

        Assert.DoesNotContain(Key, parsed.ToString(), StringComparison.Ordinal);
        Assert.Contains("aggst01", parsed.ToString(), StringComparison.Ordinal);
    }
}
