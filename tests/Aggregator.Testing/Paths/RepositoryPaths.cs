namespace Aggregator.Testing.Paths;

/// <summary>Finds the repository root and the shared folder beside it, from wherever the tests run.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding Aggregator.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>
    /// ../shared beside the repository (samples, conformance corpus), or null in a public clone without it; tests that
    /// need it say they skipped.
    /// </summary>
    public static string? Shared
    {
        get
        {
            var candidate = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    public static string InRoot(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Aggregator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Aggregator.sln above {AppContext.BaseDirectory}.");
    }
}
