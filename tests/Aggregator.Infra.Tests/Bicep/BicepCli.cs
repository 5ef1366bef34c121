using System.Diagnostics;
using System.Reflection;

namespace Aggregator.Infra.Tests.Bicep;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package that this project restores: the same compiler on
/// every machine, with the resource types bundled, so it needs neither the az CLI nor a network.
/// </summary>
internal static class BicepCli
{
    private const string PathKey = "BicepCliPath";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    private static readonly Lazy<string> LazyExecutable = new(Locate);

    public static BicepRun Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(LazyExecutable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The CLI is a .NET app: without this it would look for ICU, which a slim image may lack.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in {Timeout}.");
        }

        return new BicepRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == PathKey)?.Value
            ?? throw new InvalidOperationException($"This test assembly has no [AssemblyMetadata(\"{PathKey}\")]: build it with its project file.");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The Bicep CLI {path} does not exist: restore tests/Aggregator.Infra.Tests.");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The pinned Bicep CLI package is the linux-x64 build.");
        }

        // NuGet does not always keep the execute bit when it extracts a package.
        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }

        return path;
    }
}
