using Aggregator.Hosting;
using Aggregator.Infra.Tests.Arm;
using Aggregator.Infra.Tests.Bicep;

namespace Aggregator.Infra.Tests.Main;

/// <summary>main.bicep's outputs: azd stores each in the environment (azd env get-values).</summary>
public sealed class OutputsTests
{
    [Theory]
    [InlineData("FEED_URL", Routes.Feed)]
    [InlineData("PAPERS_URL", Routes.Papers)]
    public void FeedUrls_AreHttpsOnTheAppHostAtTheRoutesTheAppServes(string output, string route)
    {
        var value = OutputText(output);

        var path = new AppRoute(route, []).Path;
        Assert.StartsWith($"[format('https://{{0}}{path}', ", value, StringComparison.Ordinal);
        Assert.Equal([new ModuleOutputReference("api", "defaultHostName")], ModuleOutputReference.FindAll(value));
    }

    [Theory]
    [InlineData("SERVICE_API_NAME", "api", "name")]
    [InlineData("AZURE_FUNCTION_NAME", "api", "name")]
    [InlineData("STORAGE_ACCOUNT_NAME", "storage", "name")]
    public void ResourceNames_AreTheModulesOutputs(string output, string module, string moduleOutput)
    {
        Assert.Equal(new ModuleOutputReference(module, moduleOutput), ModuleOutputReference.Parse(OutputText(output)));
    }

    [Fact]
    public void AzdOutputs_AreAllThere()
    {
        string[] expected =
        [
            "AZURE_FUNCTION_NAME", "AZURE_LOCATION", "AZURE_RESOURCE_GROUP", "AZURE_TENANT_ID", "FEED_URL", "PAPERS_URL",
            "SERVICE_API_NAME", "STORAGE_ACCOUNT_NAME",
        ];

        Assert.Equal(expected, CompiledInfra.Main.Outputs.Select(o => o.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoOutput_IsASecureValue()
    {
        var secure = CompiledInfra.Main.Parameters
            .Where(p => p.Value?["type"]?.GetValue<string>() is "securestring" or "secureObject")
            .Select(p => $"parameters('{p.Key}')")
            .ToList();

        Assert.NotEmpty(secure);
        Assert.All(CompiledInfra.Main.Outputs, output =>
            Assert.All(secure, reference => Assert.DoesNotContain(reference, output.Value?["value"]?.GetValue<string>() ?? "", StringComparison.Ordinal)));
    }

    private static string OutputText(string name)
    {
        var output = CompiledInfra.Main.Outputs[name] ?? throw new KeyNotFoundException($"main.bicep has no output {name}.");
        Assert.Equal("string", output["type"]?.GetValue<string>());
        return CompiledInfra.Main.ResolveText(output["value"]);
    }
}
