using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aggregator.Infra.Tests.Arm;
using Aggregator.Infra.Tests.Bicep;

namespace Aggregator.Infra.Tests.App;

/// <summary>The role assignments of app/rbac.bicep, as compiled: which roles, to whom, on what, under which name.</summary>
public sealed partial class RoleAssignmentTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private static readonly string[] StorageRoles = [StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor];

    private static ArmDeployment Rbac => CompiledInfra.Main.Module("rbac");

    public static TheoryData<string> Assignments => new(Rbac.Modules.Select(module => module.Name));

    [Fact]
    public void AppIdentity_HasBlobOwnerQueueAndTableContributorOnTheStorageAccount()
    {
        var module = Rbac.Module("appStorageRoles");

        Assert.Equal(StorageRoles.Order(StringComparer.Ordinal), RoleIds(module).Order(StringComparer.Ordinal));
        Assert.Equal("Microsoft.Storage/storageAccounts", ScopeType(module));
        Assert.Equal(new ModuleOutputReference("storage", "name"), ModuleOutputReference.Parse(module.ResolveText(JsonValue.Create("[parameters('storageAccountName')]"))));
        Assert.Equal(new ModuleOutputReference("appIdentity", "principalId"), ModuleOutputReference.Parse(Principal(module)));
        Assert.Equal("ServicePrincipal", module.ResolveText(JsonValue.Create("[parameters('principalType')]")));
    }

    [Fact]
    public void AppIdentity_IsMonitoringMetricsPublisherOnApplicationInsights()
    {
        var module = Rbac.Module("appMonitoringRoles");

        Assert.Equal([MonitoringMetricsPublisher], RoleIds(module));
        Assert.Equal("Microsoft.Insights/components", ScopeType(module));
        Assert.Equal(new ModuleOutputReference("monitoring", "name"), ModuleOutputReference.Parse(module.ResolveText(JsonValue.Create("[parameters('applicationInsightsName')]"))));
        Assert.Equal(new ModuleOutputReference("appIdentity", "principalId"), ModuleOutputReference.Parse(Principal(module)));
    }

    [Fact]
    public void DeployingPrincipal_GetsTheSameStorageRoles_OnlyWhenGiven()
    {
        var module = Rbac.Module("deployingPrincipalStorageRoles");

        Assert.Equal(StorageRoles.Order(StringComparer.Ordinal), RoleIds(module).Order(StringComparer.Ordinal));
        Assert.Equal("Microsoft.Storage/storageAccounts", ScopeType(module));
        Assert.Equal("[parameters('principalId')]", Principal(module));
        Assert.Equal("[not(empty(parameters('deployingPrincipalId')))]", module.Resource?["condition"]?.GetValue<string>());
        // Whoever runs azd, a user or a pipeline's service principal: the type is left for Azure to find.
        Assert.Equal("", module.ResolveText(JsonValue.Create("[parameters('principalType')]")));
    }

    [Fact]
    public void PrincipalId_IsFilledByAzdAndEmptyByDefault()
    {
        Assert.Equal("", CompiledInfra.Main.Parameters["principalId"]?["defaultValue"]?.GetValue<string>());
    }

    /// <summary>guid(scope, principal, role): the same assignment on every deployment, never a duplicate.</summary>
    [Theory]
    [MemberData(nameof(Assignments))]
    public void EveryAssignment_IsNamedGuidOfScopePrincipalAndRole(string moduleName)
    {
        var (assignment, _) = AssignmentOf(Rbac.Module(moduleName));

        var scope = ArmDeployment.Inner(assignment["scope"]!.GetValue<string>());
        var principal = ArmDeployment.Inner(assignment["properties"]!["principalId"]!.GetValue<string>());
        var role = RoleDefinition().Match(assignment["properties"]!["roleDefinitionId"]!.GetValue<string>());

        Assert.True(role.Success, "roleDefinitionId is not subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ...).");
        Assert.Equal($"[guid({scope}, {principal}, {role.Groups["role"].Value})]", assignment["name"]?.GetValue<string>());
    }

    [Fact]
    public void EveryRoleAssignment_IsInOneOfTheCheckedModules()
    {
        var assignments = CompiledInfra.Main.Find("Microsoft.Authorization/roleAssignments");

        string[] expected = ["appMonitoringRoles", "appStorageRoles", "deployingPrincipalStorageRoles"];
        Assert.Equal(expected, assignments.Select(a => a.Deployment.Name).Order(StringComparer.Ordinal));
        Assert.All(assignments, a => Assert.Equal("main/rbac/" + a.Deployment.Name, a.Deployment.Path));
    }

    /// <summary>The app's first start needs its storage roles, or the host cannot take its locks or read its queues.</summary>
    [Fact]
    public void FunctionApp_IsDeployedAfterTheRoleAssignments()
    {
        var api = CompiledInfra.Main.Module("api");

        var dependsOn = api.Resource?["dependsOn"]?.AsArray().Select(d => d!.GetValue<string>()) ?? [];

        Assert.Contains(dependsOn, d => d.EndsWith("'Microsoft.Resources/deployments', 'rbac')]", StringComparison.Ordinal));
    }

    private static (JsonObject Assignment, ArmDeployment Module) AssignmentOf(ArmDeployment module)
    {
        var assignment = Assert.Single(module.Resources, r => ArmDeployment.TypeOf(r) == "Microsoft.Authorization/roleAssignments");
        Assert.Equal("[length(parameters('roleDefinitionIds'))]", assignment["copy"]?["count"]?.GetValue<string>());
        Assert.Equal(
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', parameters('roleDefinitionIds')[copyIndex()])]",
            assignment["properties"]?["roleDefinitionId"]?.GetValue<string>());
        return (assignment, module);
    }

    private static List<string> RoleIds(ArmDeployment module)
    {
        AssignmentOf(module);
        var ids = Assert.IsType<JsonArray>(module.Resolve(JsonValue.Create("[parameters('roleDefinitionIds')]")));
        return ids.Select(id => id!.GetValue<string>()).ToList();
    }

    private static string ScopeType(ArmDeployment module)
    {
        var (assignment, _) = AssignmentOf(module);
        var scope = ScopeResource().Match(assignment["scope"]?.GetValue<string>() ?? "");
        Assert.True(scope.Success, $"The scope of the assignment in {module.Path} is not a resourceId(...) of one resource.");
        return scope.Groups["type"].Value;
    }

    private static string Principal(ArmDeployment module)
    {
        var (assignment, _) = AssignmentOf(module);
        return module.ResolveText(assignment["properties"]?["principalId"]);
    }

    [GeneratedRegex(@"^\[subscriptionResourceId\('Microsoft\.Authorization/roleDefinitions', (?<role>.+)\)\]$")]
    private static partial Regex RoleDefinition();

    [GeneratedRegex(@"^\[resourceId\('(?<type>[\w./]+)', parameters\('\w+'\)\)\]$")]
    private static partial Regex ScopeResource();
}
