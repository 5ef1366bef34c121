namespace Aggregator.Tests.Parsing.Conformance;

internal enum ExpectationStatus
{
    Pass,
    Fail,

    /// <summary>The path addresses something our model does not have (feed.rights, *.base, …): not counted.</summary>
    Unmodelled,
}

internal sealed record ExpectationOutcome(string File, string Folder, string Path, ExpectationStatus Status, string Expected, string? Actual)
{
    /// <summary>The key known-failures.txt lists: "file path".</summary>
    public string Key => $"{File} {Path}";
}
