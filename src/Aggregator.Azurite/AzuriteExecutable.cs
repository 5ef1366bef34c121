namespace Aggregator.Azurite;

/// <summary>Finds the azurite launcher npm installs in <c>node_modules/.bin</c>, walking up from a few starting points.</summary>
internal static class AzuriteExecutable
{
    public static string Find(AzuriteStartOptions options)
    {
        if (options.ExecutablePath is { } explicitPath)
        {
            return File.Exists(explicitPath)
                ? explicitPath
                : throw new FileNotFoundException($"Azurite was not found at '{explicitPath}'. Run `npm ci` at the repository root.", explicitPath);
        }

        var name = OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite";
        string?[] starts = [options.SearchFrom, Environment.CurrentDirectory, AppContext.BaseDirectory];
        foreach (var start in starts.OfType<string>().Distinct())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException(
            $"Azurite was not found in node_modules/.bin above {string.Join(", ", starts.OfType<string>().Distinct())}. Run `npm ci` at the repository root (Node.js 20+ is needed).");
    }
}
