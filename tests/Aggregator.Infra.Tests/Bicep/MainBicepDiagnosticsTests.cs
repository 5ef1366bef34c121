using System.Text.RegularExpressions;
using Aggregator.Testing.Paths;

namespace Aggregator.Infra.Tests.Bicep;

public sealed partial class MainBicepDiagnosticsTests
{
    [Fact]
    public void Build_SucceedsWithNoErrorAndNoWarning()
    {
        var build = CompiledInfra.Build;

        Assert.True(build.ExitCode == 0, $"bicep build exited {build.ExitCode}:\n{build.StandardError}");
        Assert.Empty(build.Diagnostics);
        Assert.Equal("", build.StandardError.Trim());
    }

    [Fact]
    public void Lint_ReportsNothing()
    {
        var lint = CompiledInfra.Lint;

        Assert.True(lint.ExitCode == 0, $"bicep lint exited {lint.ExitCode}:\n{lint.StandardOutput}{lint.StandardError}");
        Assert.Empty(lint.Diagnostics);
    }

    /// <summary>The two tests above would pass vacuously if the diagnostics were printed in a form not recognised.</summary>
    [Fact]
    public void Lint_OfATemplateWithAnUnusedParameter_IsSeenAsAWarning()
    {
        var folder = Directory.CreateTempSubdirectory("aggregator-bicep-");
        try
        {
            var file = Path.Combine(folder.FullName, "unused.bicep");
            File.WriteAllText(file, "param unused string\n");

            var lint = BicepCli.Run("lint", file);

            var diagnostic = Assert.Single(lint.Diagnostics);
            Assert.Contains("Warning no-unused-params", diagnostic, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A registry module (br:, br/public:, ts:) cannot be restored offline, so every module is a file here.</summary>
    [Fact]
    public void EveryModule_IsALocalFileInInfra()
    {
        var infra = RepositoryPaths.InRoot("infra");
        var references = Directory.GetFiles(infra, "*.bicep", SearchOption.AllDirectories)
            .SelectMany(file => ModuleReference().Matches(File.ReadAllText(file))
                .Select(m => (File: file, Target: m.Groups["target"].Value)))
            .ToList();

        Assert.NotEmpty(references);
        Assert.All(references, reference =>
        {
            Assert.DoesNotContain(":", reference.Target, StringComparison.Ordinal);
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(reference.File)!, reference.Target));
            Assert.True(File.Exists(target), $"{reference.File} uses the module {reference.Target}, which is not a file.");
            Assert.StartsWith(infra, target, StringComparison.Ordinal);
        });
    }

    [GeneratedRegex(@"^\s*module\s+\w+\s+'(?<target>[^']+)'", RegexOptions.Multiline)]
    private static partial Regex ModuleReference();
}
