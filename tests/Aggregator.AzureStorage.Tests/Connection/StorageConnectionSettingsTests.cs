using Aggregator.AzureStorage.Blobs;
using Aggregator.AzureStorage.Connection;
using Aggregator.AzureStorage.Tables;
using Azure.Identity;

namespace Aggregator.AzureStorage.Tests.Connection;

public sealed class StorageConnectionSettingsTests
{
    [Fact]
    public void CreateClients_FromServiceUris_UseThoseEndpointsWithoutTouchingTheNetwork()
    {
        var settings = new StorageConnectionSettings
        {
            TableServiceUri = new Uri("https://aggst01.table.core.windows.net"),
            BlobServiceUri = new Uri("https://aggst01.blob.core.windows.net"),
            Credential = "managedidentity",
            ClientId = "00000000-0000-0000-0000-000000000001",
        };

        var tables = settings.CreateTableServiceClient();
        var blobs = settings.CreateBlobServiceClient();

        Assert.Equal(new Uri("https://aggst01.table.core.windows.net"), tables.Uri);
        Assert.Equal("aggst01", tables.AccountName);
        Assert.Equal(new Uri("https://aggst01.blob.core.windows.net"), blobs.Uri);
        Assert.Equal("aggst01", blobs.AccountName);
        Assert.Equal(new Uri("https://aggst01.table.core.windows.net/papers"), tables.GetTableClient("papers").Uri);
        Assert.Equal(
            new Uri("https://aggst01.blob.core.windows.net/image-cache/ab/c%20d.png"),
            blobs.GetBlobContainerClient("image-cache").GetBlobClient("ab/c d.png").Uri);
    }

    [Fact]
    public void CreateCredential_ManagedIdentityWithClientId_IsAManagedIdentityCredential()
    {
        var settings = new StorageConnectionSettings { Credential = "managedidentity", ClientId = "00000000-0000-0000-0000-000000000001" };

        Assert.IsType<ManagedIdentityCredential>(settings.CreateCredential());
    }

    [Fact]
    public void CreateCredential_NothingSaid_IsTheDefaultChain()
    {
        Assert.IsType<DefaultAzureCredential>(new StorageConnectionSettings().CreateCredential());
    }

    [Fact]
    public void CreateClients_ConnectionStringWinsOverUris()
    {
        var settings = new StorageConnectionSettings
        {
            ConnectionString = "UseDevelopmentStorage=true",
            TableServiceUri = new Uri("https://aggst01.table.core.windows.net"),
        };

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), settings.CreateTableServiceClient().Uri);
        Assert.Equal("devstoreaccount1", settings.CreateBlobServiceClient().AccountName);
    }

    [Fact]
    public void CreateClients_NothingConfigured_SaysWhatToSet()
    {
        var settings = new StorageConnectionSettings();

        var error = Assert.Throws<InvalidOperationException>(() => settings.CreateTableServiceClient());

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => settings.CreateBlobServiceClient());
    }

    [Fact]
    public void Describe_NeverShowsTheKey()
    {
        var key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
        var settings = new StorageConnectionSettings { ConnectionString = $"AccountName=aggst01;AccountKey={key}" };

        Assert.DoesNotContain(key, settings.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, settings.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, $"{settings}", StringComparison.Ordinal);
        Assert.Contains("aggst01", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TokenCredentialConstructors_BuildClientsForTheEndpoint()
    {
        var credential = new DefaultAzureCredential();

        var service = new TableServiceClient(new Uri("https://aggst02.table.core.windows.net/"), credential);
        var table = new TableClient(new Uri("https://aggst02.table.core.windows.net"), "posts", credential);
        var blobs = new BlobServiceClient(new Uri("https://aggst02.blob.core.windows.net"), credential);

        Assert.Equal("aggst02", service.AccountName);
        Assert.Equal(new Uri("https://aggst02.table.core.windows.net/posts"), service.GetTableClient("posts").Uri);
        Assert.Equal(("posts", "aggst02"), (table.Name, table.AccountName));
        Assert.Equal("aggst02", blobs.AccountName);
    }
}
