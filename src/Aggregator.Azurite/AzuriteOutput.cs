using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Aggregator.Azurite;

/// <summary>
/// Watches Azurite's console: the "successfully listening at" lines give the real ports (we may have asked for 0), and
/// the tail of both streams explains a failed start.
/// </summary>
internal sealed partial class AzuriteOutput
{
    private const int TailLines = 20;

    private readonly ConcurrentDictionary<string, Uri> listening = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> tail = new();

    public void OnStandardOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        var match = ListeningLine().Match(line);
        if (match.Success && Uri.TryCreate(match.Groups[2].Value, UriKind.Absolute, out var uri))
        {
            listening[match.Groups[1].Value] = uri;
        }

        Remember(line);
    }

    public void OnStandardError(string? line)
    {
        if (line is not null)
        {
            Remember("stderr: " + line);
        }
    }

    public Uri? Listening(string service) => listening.GetValueOrDefault(service);

    public string Tail() => tail.IsEmpty ? "Azurite printed nothing." : "Azurite's last output:\n" + string.Join('\n', tail);

    private void Remember(string line)
    {
        tail.Enqueue(line);
        while (tail.Count > TailLines && tail.TryDequeue(out _))
        {
        }
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at (\S+)")]
    private static partial Regex ListeningLine();
}
