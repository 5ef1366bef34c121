using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;

namespace Aggregator.Azurite;

/// <summary>
/// A running Azurite bound to 127.0.0.1, on chosen or free ports, in memory unless given a folder. Disposing kills its
/// whole process tree. Used by the tests (one per test collection) and by the CLI when no emulator is already up.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly AzuriteOutput output;
    private readonly bool persisted;

    private AzuriteProcess(Process process, AzuriteOutput output, bool persisted, Uri tableEndpoint, Uri blobEndpoint, Uri queueEndpoint)
    {
        this.process = process;
        this.persisted = persisted;
        this.output = output;
        TableEndpoint = tableEndpoint;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
    }

    /// <summary>Azurite's well-known development account, the same in every installation (not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Path-style table endpoint, e.g. <c>http://127.0.0.1:53124/devstoreaccount1</c>.</summary>
    public Uri TableEndpoint { get; }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    /// <summary>A connection string with explicit endpoints and Azurite's well-known development key.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};"
        + $"AccountKey={DevelopmentAccountKey};TableEndpoint={TableEndpoint};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint}";

    public int ProcessId => process.Id;

    public static async Task<AzuriteProcess> StartAsync(AzuriteStartOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var executable = AzuriteExecutable.Find(options);
        if (options.Location is not null)
        {
            // First run: the data folder (and Azurite's working directory) may not exist yet.
            Directory.CreateDirectory(options.Location);
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = options.Location ?? Path.GetTempPath(),
        };
        foreach (var argument in Arguments(options))
        {
            start.ArgumentList.Add(argument);
        }

        var output = new AzuriteOutput();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => output.OnStandardOutput(e.Data);
        process.ErrorDataReceived += (_, e) => output.OnStandardError(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"Azurite at '{executable}' could not be started ({e.Message}). Is Node.js on PATH? Run `npm ci` at the repository root.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var (table, blob, queue) = await WaitUntilListeningAsync(process, output, options.StartupTimeout, cancellationToken).ConfigureAwait(false);
            return new AzuriteProcess(process, output, options.Location is not null, Endpoint(table), Endpoint(blob), Endpoint(queue));
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/> (e.g. an Azurite started by hand on 10002).</summary>
    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Whether the host and port of a table endpoint accept connections, within about a second.</summary>
    public static async Task<bool> IsTableEndpointUpAsync(Uri tableEndpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(tableEndpoint.Host, tableEndpoint.Port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Stops Azurite. In memory there is nothing to save, so the tree is killed at once; with a location it is asked to
    /// stop (SIGTERM) so its database is flushed, which waits out idle keep-alive connections (a few seconds).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (persisted && !process.HasExited && UnixSignal.TryTerminate(process.Id)
            && await ExitsWithinAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false))
        {
            process.Dispose();
            return;
        }

        Kill(process);
        await ExitsWithinAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        process.Dispose();
    }

    public override string ToString() => $"Azurite (pid {process.Id}) table {TableEndpoint}, blob {BlobEndpoint}, queue {QueueEndpoint}; {output.Tail()}";

    private async Task<bool> ExitsWithinAsync(TimeSpan timeout)
    {
        try
        {
            using var wait = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static IEnumerable<string> Arguments(AzuriteStartOptions options)
    {
        string[] common =
        [
            "--silent", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", Port(options.BlobPort), "--queuePort", Port(options.QueuePort), "--tablePort", Port(options.TablePort),
        ];
        return options.Location is null ? [.. common, "--inMemoryPersistence"] : [.. common, "--location", options.Location];
    }

    private static string Port(int port) => port is >= 0 and <= 65535
        ? port.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : throw new ArgumentOutOfRangeException(nameof(port), port, "A port is 0 (any free port) to 65535.");

    private static async Task<(Uri Table, Uri Blob, Uri Queue)> WaitUntilListeningAsync(
        Process process, AzuriteOutput output, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                // The parameterless wait also drains the redirected streams, so the tail holds its last words.
                process.WaitForExit();
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} while starting. {output.Tail()}");
            }

            if (output.Listening("Table") is { } table && output.Listening("Blob") is { } blob && output.Listening("Queue") is { } queue
                && IsListening(table.Port) && IsListening(blob.Port) && IsListening(queue.Port))
            {
                return (table, blob, queue);
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"Azurite did not accept connections within {timeout.TotalSeconds:0} s. {output.Tail()}");
    }

    private static Uri Endpoint(Uri listening) =>
        new UriBuilder(listening) { Path = DevelopmentAccountName }.Uri;

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
