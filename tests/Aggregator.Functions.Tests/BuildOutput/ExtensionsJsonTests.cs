using System.Text.Json;

namespace Aggregator.Functions.Tests.BuildOutput;

/// <summary>
/// extensions.json: the host-side extensions the worker SDK bundled (in .azurefunctions/) for the app's bindings. A
/// binding type the host does not know fails the functions that use it at startup, in Azure, not in a build.
/// </summary>
public sealed class ExtensionsJsonTests
{
    /// <summary>
    /// The host extension each binding type needs, by its extensions.json name; null when the Functions host has it
    /// built in. A binding type missing here fails <see cref="EveryBindingType_HasAKnownHostExtension"/>: add it with
    /// the extension its worker package names (its [ExtensionInformation]).
    /// </summary>
    private static readonly Dictionary<string, string?> HostExtensionFor = new(StringComparer.Ordinal)
    {
        ["httpTrigger"] = null,
        ["http"] = null,
        // The timer lives in Microsoft.Azure.WebJobs.Extensions, which the host ships.
        ["timerTrigger"] = null,
        // Issue 12's per-source ingest messages: Worker.Extensions.Storage.Queues brings the host's queue extension.
        ["queueTrigger"] = "AzureStorageQueues",
        ["queue"] = "AzureStorageQueues",
    };

    [Fact]
    public void EveryBindingType_HasAKnownHostExtension()
    {
        var bindingTypes = BindingTypes();

        Assert.NotEmpty(bindingTypes);
        Assert.All(bindingTypes, type => Assert.True(HostExtensionFor.ContainsKey(type), $"No host extension is known for binding type '{type}'."));
    }

    [Fact]
    public void ExtensionsJson_ListsTheExtensionEveryBindingNeeds()
    {
        var listed = Extensions().Select(e => e.GetProperty("name").GetString()).ToHashSet(StringComparer.Ordinal);

        var missing = BindingTypes()
            .Select(type => HostExtensionFor.GetValueOrDefault(type))
            .OfType<string>()
            .Where(name => !listed.Contains(name))
            .Distinct();

        Assert.Empty(missing);
    }

    [Fact]
    public void ExtensionsJson_EveryListedExtensionIsInTheBuildOutput()
    {
        var extensions = Extensions();

        // The SDK always bundles its function-metadata loader, so an empty list means the extension build did not run.
        Assert.NotEmpty(extensions);
        Assert.All(extensions, extension =>
        {
            var hintPath = extension.GetProperty("hintPath").GetString()!;
            Assert.True(File.Exists(FunctionsBuildOutput.PathOf(hintPath)), $"{hintPath} is listed in extensions.json but not in the build output.");
        });
    }

    private static List<string> BindingTypes() =>
        [.. FunctionsBuildOutput.Functions().SelectMany(f => f.Bindings).Select(b => b.Type).Distinct()];

    private static List<JsonElement> Extensions()
    {
        using var document = FunctionsBuildOutput.ReadJson("extensions.json");
        return [.. document.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.Clone())];
    }
}
