using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Data.Tables;
using Aggregator.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aggregator.Tests.Hosting;

public sealed class StorageSettingsTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void FromConfiguration_IdentityBasedSettings_BuildClientsForTheServiceUris()
    {
        // As the Functions host reads AzureWebJobsStorage__tableServiceUri etc. from app settings.
        var configuration = Configuration(
            ("AzureWebJobsStorage:tableServiceUri", "https://stagg.table.core.windows.net"),
            ("AzureWebJobsStorage:blobServiceUri", "https://stagg.blob.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));

        var settings = StorageSettings.FromConfiguration(configuration);
        var services = new ServiceCollection().AddLogging().AddSingleton(configuration).AddAggregator(configuration).BuildServiceProvider();

        Assert.Null(settings.ConnectionString);
        Assert.Equal("managedidentity", settings.Credential);
        Assert.Equal(new Uri("https://stagg.table.core.windows.net"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("https://stagg.blob.core.windows.net"), services.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void FromConfiguration_Nothing_MeansTheLocalEmulator()
    {
        var settings = StorageSettings.FromConfiguration(Configuration());

        Assert.Equal(StorageSettings.DevelopmentStorage, settings.ConnectionString);
        Assert.Equal(10002, settings.CreateTableServiceClient().Uri.Port);
    }

    [Fact]
    public void FromConfiguration_ConnectionString_WinsAndNeverShowsTheKey()
    {
        var settings = StorageSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage", "DefaultEndpointsProtocol=https;AccountName=stagg;AccountKey=c2VjcmV0LWtleS1ub3QtdG8tYmUtc2hvd24=;EndpointSuffix=core.windows.net")));

        Assert.Equal("stagg", settings.CreateTableServiceClient().AccountName);
        Assert.DoesNotContain("c2VjcmV0", settings.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_QueueServiceUri_BuildsTheQueueClientForIt()
    {
        var settings = StorageSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:queueServiceUri", "https://stagg.queue.core.windows.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://stagg.table.core.windows.net")));

        Assert.Equal(new Uri("https://stagg.queue.core.windows.net"), settings.CreateQueueServiceClient().Uri);
        Assert.False(settings.HasBlobService);
    }

    [Fact]
    public void FromConfiguration_ServiceUriThatIsNotAUrl_IsRefusedNamingTheSetting()
    {
        var error = Assert.Throws<StorageConfigurationException>(() => StorageSettings.FromConfiguration(Configuration(
            ("AzureWebJobsStorage:tableServiceUri", "stagg.table.core.windows.net"))));

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateTableServiceClient_UnreadableConnectionString_SaysSoWithoutTheKey()
    {
        var settings = StorageSettings.FromConfiguration(Configuration(("AzureWebJobsStorage", "AccountKey=c2VjcmV0LWtleQ==;nonsense")));

        var error = Assert.Throws<StorageConfigurationException>(() => settings.CreateTableServiceClient());

        Assert.Contains("AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", settings.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_DevelopmentStorage_IsTheEmulatorsTableEndpoint()
    {
        var settings = StorageSettings.FromConfiguration(Configuration());

        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1", settings.Describe());
    }
}
