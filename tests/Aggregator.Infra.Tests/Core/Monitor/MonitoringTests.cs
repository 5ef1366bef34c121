using System.Text.Json.Nodes;
using Aggregator.Infra.Tests.Arm;
using Aggregator.Infra.Tests.Bicep;

namespace Aggregator.Infra.Tests.Core.Monitor;

/// <summary>Application Insights and its Log Analytics workspace in the compiled template.</summary>
public sealed class MonitoringTests
{
    private static (ArmDeployment Deployment, JsonObject Resource) Component =>
        Assert.Single(CompiledInfra.Main.Find("Microsoft.Insights/components"));

    [Fact]
    public void ApplicationInsights_RefusesInstrumentationKeyAuthentication()
    {
        Assert.True(Component.Resource["properties"]?["DisableLocalAuth"]?.GetValue<bool>());
    }

    [Fact]
    public void ApplicationInsights_KeepsItsDataInTheWorkspace()
    {
        var (component, resource) = Component;

        var workspace = component.ResolveText(resource["properties"]?["WorkspaceResourceId"]);

        Assert.Equal(new ModuleOutputReference("logAnalytics", "resourceId"), ModuleOutputReference.Parse(workspace));
        Assert.Equal("LogAnalytics", resource["properties"]?["IngestionMode"]?.GetValue<string>());
        Assert.Single(CompiledInfra.Main.Find("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void Workspace_Keeps30DaysOnPayAsYouGo()
    {
        var (workspace, resource) = Assert.Single(CompiledInfra.Main.Find("Microsoft.OperationalInsights/workspaces"));

        Assert.Equal(30, workspace.Resolve(resource["properties"]?["retentionInDays"])?.GetValue<int>());
        Assert.Equal("PerGB2018", resource["properties"]?["sku"]?["name"]?.GetValue<string>());
    }
}
