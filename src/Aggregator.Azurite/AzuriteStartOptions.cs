namespace Aggregator.Azurite;

/// <summary>How to start Azurite: where it is, which ports (0 = any free loopback port), and whether to persist.</summary>
public sealed class AzuriteStartOptions
{
    /// <summary>The azurite executable; when null it is looked for in <c>node_modules/.bin</c> above <see cref="SearchFrom"/>.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>Where to start looking for <c>node_modules/.bin/azurite</c>; the current and application directories are tried too.</summary>
    public string? SearchFrom { get; init; }

    public int TablePort { get; init; }

    public int BlobPort { get; init; }

    public int QueuePort { get; init; }

    /// <summary>A folder to keep data in across runs; null keeps everything in memory.</summary>
    public string? Location { get; init; }

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
