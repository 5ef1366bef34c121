using System.Text.Json.Nodes;
using Aggregator.Infra.Tests.Arm;
using Aggregator.Infra.Tests.Bicep;
using Aggregator.Ingestion.Queue;
using Aggregator.Publishing.Images;
using Aggregator.Storage.Tables;

namespace Aggregator.Infra.Tests.Core.Storage;

/// <summary>The storage account in the compiled template: identity-only access, and everything the code expects in it.</summary>
public sealed class StorageAccountTests
{
    private static (ArmDeployment Deployment, JsonObject Resource) Account =>
        Assert.Single(CompiledInfra.Main.Find("Microsoft.Storage/storageAccounts"));

    [Fact]
    public void Account_AcceptsNoSharedKey_SoTheAppCanOnlyUseItsIdentity()
    {
        Assert.False(Property("allowSharedKeyAccess").GetValue<bool>());
        Assert.True(Property("defaultToOAuthAuthentication").GetValue<bool>());
    }

    [Fact]
    public void Account_ServesNoAnonymousBlob_AndOnlyHttpsWithTls12()
    {
        Assert.False(Property("allowBlobPublicAccess").GetValue<bool>());
        Assert.True(Property("supportsHttpsTrafficOnly").GetValue<bool>());
        Assert.Equal("TLS1_2", Property("minimumTlsVersion").GetValue<string>());
    }

    [Fact]
    public void Account_IsStorageV2()
    {
        Assert.Equal("StorageV2", Account.Resource["kind"]?.GetValue<string>());
    }

    [Fact]
    public void Tables_AreExactlyTheTablesTheStoreUses()
    {
        var tables = NamesOf("Microsoft.Storage/storageAccounts/tableServices/tables", "tableNames");

        Assert.Equal(new TableNames().All.Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Queues_AreTheIngestFanOutQueueAndItsPoisonQueue()
    {
        var queues = NamesOf("Microsoft.Storage/storageAccounts/queueServices/queues", "queueNames");

        string[] expected = [IngestQueueNames.Sources, IngestQueueNames.Poison];
        Assert.Equal(expected.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Containers_AreTheImageCacheAndTheDeploymentPackage()
    {
        var containers = NamesOf("Microsoft.Storage/storageAccounts/blobServices/containers", "containerNames");

        Assert.Equal(2, containers.Count);
        Assert.Contains(BlobImageCache.DefaultContainerName, containers);
        Assert.Contains(containers, name => name.Contains("app-package-", StringComparison.Ordinal));
    }

    [Fact]
    public void DeploymentPackageContainer_IsTheOneTheFunctionAppDeploysFrom()
    {
        var (site, siteResource) = Assert.Single(CompiledInfra.Main.Find("Microsoft.Web/sites"));
        var deploymentUrl = site.ResolveText(siteResource["properties"]?["functionAppConfig"]?["deployment"]?["storage"]?["value"]);
        var containers = NamesOf("Microsoft.Storage/storageAccounts/blobServices/containers", "containerNames");

        var packageContainer = Assert.Single(containers, name => name != BlobImageCache.DefaultContainerName);
        Assert.Contains("'Microsoft.Resources/deployments', 'storage')", deploymentUrl, StringComparison.Ordinal);
        Assert.Contains("outputs.primaryBlobEndpoint.value", deploymentUrl, StringComparison.Ordinal);
        Assert.Contains(ArmDeployment.Inner(packageContainer), deploymentUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Containers_AreNotPublic()
    {
        var (_, container) = Assert.Single(CompiledInfra.Main.Find("Microsoft.Storage/storageAccounts/blobServices/containers"));

        Assert.Equal("None", container["properties"]?["publicAccess"]?.GetValue<string>());
    }

    private static JsonNode Property(string name) =>
        Account.Resource["properties"]?[name] ?? throw new KeyNotFoundException($"The storage account sets no {name}.");

    /// <summary>
    /// The names of a child resource created in a loop over one of the storage module's parameters: the loop must be
    /// over that parameter, and the parameter resolves, through main.bicep, to the list of names.
    /// </summary>
    private static List<string> NamesOf(string type, string parameter)
    {
        var (deployment, resource) = Assert.Single(CompiledInfra.Main.Find(type));
        Assert.Equal($"[length(parameters('{parameter}'))]", resource["copy"]?["count"]?.GetValue<string>());
        Assert.EndsWith($"parameters('{parameter}')[copyIndex()])]", resource["name"]?.GetValue<string>(), StringComparison.Ordinal);

        var names = deployment.Resolve(JsonValue.Create($"[parameters('{parameter}')]"));
        return Assert.IsType<JsonArray>(names).Select(name => name!.GetValue<string>()).ToList();
    }
}
