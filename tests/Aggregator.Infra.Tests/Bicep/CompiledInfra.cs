using System.Text.Json.Nodes;
using Aggregator.Infra.Tests.Arm;
using Aggregator.Testing.Paths;

namespace Aggregator.Infra.Tests.Bicep;

/// <summary>
/// infra/main.bicep compiled and linted once per test run (each takes seconds), shared by every test that reads it.
/// </summary>
internal static class CompiledInfra
{
    public static readonly string MainBicep = RepositoryPaths.InRoot("infra", "main.bicep");

    private static readonly Lazy<BicepRun> LazyBuild = new(() => BicepCli.Run("build", MainBicep, "--stdout"));

    private static readonly Lazy<BicepRun> LazyLint = new(() => BicepCli.Run("lint", MainBicep));

    private static readonly Lazy<ArmDeployment> LazyMain = new(Parse);

    public static BicepRun Build => LazyBuild.Value;

    public static BicepRun Lint => LazyLint.Value;

    /// <summary>The compiled ARM template of main.bicep, at the top of its tree of module deployments.</summary>
    public static ArmDeployment Main => LazyMain.Value;

    private static ArmDeployment Parse()
    {
        var build = Build;
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed ({build.ExitCode}):\n{build.StandardError}");
        }

        var template = JsonNode.Parse(build.StandardOutput)?.AsObject()
            ?? throw new InvalidDataException("bicep build printed no template.");
        return ArmDeployment.Root(template);
    }
}
