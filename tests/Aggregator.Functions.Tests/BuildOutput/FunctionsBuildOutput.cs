using System.Reflection;
using System.Text.Json;

namespace Aggregator.Functions.Tests.BuildOutput;

/// <summary>
/// The Functions project's build output for this test run's Configuration: what `func start` runs and what a deployment
/// zips. Its folder is recorded at build time from the resolved project reference (see the test project's
/// RecordFunctionsBuildOutput target), so the tests read the same files the Functions host would.
/// </summary>
public static class FunctionsBuildOutput
{
    private const string MetadataKey = "FunctionsBuildOutput";

    private static readonly Lazy<string> LazyFolder = new(Locate);

    public static string Folder => LazyFolder.Value;

    public static string PathOf(string relativePath) => Path.Combine(Folder, relativePath);

    public static JsonDocument ReadJson(string relativePath)
    {
        var path = PathOf(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} is not in the Functions build output {Folder}.");
        // host.json carries comments, as the Functions host allows.
        return JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
    }

    /// <summary>functions.metadata: one entry per function, as the worker SDK generated it from the [Function] methods.</summary>
    public static IReadOnlyList<FunctionMetadata> Functions()
    {
        var path = PathOf("functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata is not in the Functions build output {Folder}.");
        return JsonSerializer.Deserialize<List<FunctionMetadata>>(File.ReadAllText(path), JsonSerializerOptions.Web)
            ?? throw new InvalidDataException("functions.metadata is empty.");
    }

    private static string Locate()
    {
        var folder = typeof(FunctionsBuildOutput).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == MetadataKey)?.Value
            ?? throw new InvalidOperationException($"This test assembly has no [AssemblyMetadata(\"{MetadataKey}\")]: build it with its project file.");
        return Directory.Exists(folder)
            ? folder
            : throw new InvalidOperationException($"The Functions build output {folder} does not exist: build src/Aggregator.Functions first.");
    }
}
