using System.Text.Json.Nodes;
using Aggregator.Infra.Tests.Arm;
using Aggregator.Infra.Tests.Bicep;

namespace Aggregator.Infra.Tests.Core.Host;

/// <summary>The plan and the function app in the compiled template: Flex Consumption, Linux, .NET 10 isolated.</summary>
public sealed class FlexFunctionAppTests
{
    private static (ArmDeployment Deployment, JsonObject Resource) Plan =>
        Assert.Single(CompiledInfra.Main.Find("Microsoft.Web/serverfarms"));

    private static (ArmDeployment Deployment, JsonObject Resource) Site =>
        Assert.Single(CompiledInfra.Main.Find("Microsoft.Web/sites"));

    [Fact]
    public void Plan_IsFlexConsumptionFC1()
    {
        var (plan, resource) = Plan;

        var sku = Assert.IsType<JsonObject>(plan.Resolve(resource["sku"]));

        Assert.Equal("FC1", sku["name"]?.GetValue<string>());
        Assert.Equal("FlexConsumption", sku["tier"]?.GetValue<string>());
    }

    [Fact]
    public void Plan_IsLinux()
    {
        var (plan, resource) = Plan;

        Assert.True(plan.Resolve(resource["properties"]?["reserved"])?.GetValue<bool>());
        Assert.Equal("[if(true(), 'linux', 'app')]", plan.ResolveText(resource["kind"]));
    }

    [Fact]
    public void Site_IsALinuxFunctionAppOnThePlan()
    {
        var (site, resource) = Site;

        Assert.Equal("functionapp,linux", resource["kind"]?.GetValue<string>());
        var planId = site.ResolveText(resource["properties"]?["serverFarmId"]);
        Assert.Equal(new ModuleOutputReference("appServicePlan", "resourceId"), ModuleOutputReference.Parse(planId));
    }

    [Fact]
    public void Runtime_IsDotnetIsolated10()
    {
        var (site, resource) = Site;
        var runtime = resource["properties"]?["functionAppConfig"]?["runtime"];

        Assert.Equal("dotnet-isolated", site.ResolveText(runtime?["name"]));
        Assert.Equal("10.0", site.ResolveText(runtime?["version"]));
    }

    [Fact]
    public void Site_ServesHttpsOnlyWithTls12AndNoFtp()
    {
        var (_, resource) = Site;
        var properties = resource["properties"];

        Assert.True(properties?["httpsOnly"]?.GetValue<bool>());
        Assert.Equal("1.2", properties?["siteConfig"]?["minTlsVersion"]?.GetValue<string>());
        Assert.Equal("Disabled", properties?["siteConfig"]?["ftpsState"]?.GetValue<string>());
    }

    [Fact]
    public void Site_RunsAsTheAppIdentityOnly()
    {
        var (site, resource) = Site;
        var identity = resource["identity"];

        Assert.Equal("UserAssigned", identity?["type"]?.GetValue<string>());
        var key = Assert.Single(identity?["userAssignedIdentities"]?.AsObject() ?? []).Key;
        Assert.Equal(new ModuleOutputReference("appIdentity", "resourceId"), ModuleOutputReference.FindAll(site.ResolveText(JsonValue.Create(key))).Single());
    }

    [Fact]
    public void DeploymentPackage_IsPulledWithTheAppIdentity()
    {
        var (site, resource) = Site;
        var storage = resource["properties"]?["functionAppConfig"]?["deployment"]?["storage"];

        Assert.Equal("blobContainer", storage?["type"]?.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", storage?["authentication"]?["type"]?.GetValue<string>());
        var identityId = site.ResolveText(storage?["authentication"]?["userAssignedIdentityResourceId"]);
        Assert.Equal(new ModuleOutputReference("appIdentity", "resourceId"), ModuleOutputReference.Parse(identityId));
    }

    [Fact]
    public void MaximumInstanceCount_IsTheMainParameter()
    {
        var (site, resource) = Site;

        var count = site.ResolveText(resource["properties"]?["functionAppConfig"]?["scaleAndConcurrency"]?["maximumInstanceCount"]);

        Assert.Equal("[parameters('maximumInstanceCount')]", count);
    }

    [Fact]
    public void MaximumInstanceCount_Defaults100WithinTheFlexLimitsOf40To1000()
    {
        var parameter = CompiledInfra.Main.Parameters["maximumInstanceCount"];

        Assert.Equal("int", parameter?["type"]?.GetValue<string>());
        Assert.Equal(100, parameter?["defaultValue"]?.GetValue<int>());
        Assert.Equal(40, parameter?["minValue"]?.GetValue<int>());
        Assert.Equal(1000, parameter?["maxValue"]?.GetValue<int>());
    }

    [Fact]
    public void InstanceMemory_Is2048MB()
    {
        var (site, resource) = Site;

        var memory = site.Resolve(resource["properties"]?["functionAppConfig"]?["scaleAndConcurrency"]?["instanceMemoryMB"]);

        Assert.Equal(2048, memory?.GetValue<int>());
    }

    /// <summary>azd deploys the "api" service of azure.yaml to the resource tagged with its name.</summary>
    [Fact]
    public void Site_IsTaggedAsTheAzdApiService()
    {
        var (site, resource) = Site;

        var tags = site.ResolveText(resource["tags"]);

        Assert.Contains("createObject('azd-service-name', 'api')", tags, StringComparison.Ordinal);
        var azureYaml = File.ReadAllText(Aggregator.Testing.Paths.RepositoryPaths.InRoot("azure.yaml"));
        Assert.Matches(@"(?m)^services:\s*\n\s+api:\s*\n(\s{4,}.*\n)*?\s{4,}host: function\s*$", azureYaml);
    }
}
