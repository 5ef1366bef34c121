using System.Diagnostics;
using Aggregator.Azurite;
using Azure.Data.Tables;
using Aggregator.Testing.Azurite;
using Aggregator.Testing.Paths;

namespace Aggregator.Azurite.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class AzuriteProcessTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SharedFixture_IsListeningOnItsEndpoints()
    {
        Assert.True(AzuriteProcess.IsListening(azurite.Process.TableEndpoint.Port));
        Assert.True(await AzuriteProcess.IsTableEndpointUpAsync(azurite.Process.TableEndpoint));
        Assert.Equal("127.0.0.1", azurite.Process.TableEndpoint.Host);
        Assert.Equal("/devstoreaccount1", azurite.Process.BlobEndpoint.AbsolutePath);
        Assert.True(AzuriteProcess.IsListening(azurite.Process.QueueEndpoint.Port));
    }

    [Fact]
    public async Task StartAsync_FreePorts_ServesTablesAndDisposeStopsIt()
    {
        var process = await AzuriteProcess.StartAsync(new AzuriteStartOptions { SearchFrom = RepositoryPaths.Root });
        var port = process.TableEndpoint.Port;
        var pid = process.ProcessId;
        try
        {
            Assert.NotEqual(azurite.Process.TableEndpoint.Port, port);
            var table = new TableClient(process.ConnectionString, "launched");
            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new TableEntity("p", "r"));
            Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
        }
        finally
        {
            await process.DisposeAsync();
        }

        Assert.False(await AzuriteProcess.IsTableEndpointUpAsync(new Uri($"http://127.0.0.1:{port}/devstoreaccount1")));
        Assert.True(HasExited(pid));
    }

    [Fact]
    public async Task StartAsync_WithNewLocation_CreatesItAndKeepsDataAcrossRestarts()
    {
        var folder = Directory.CreateTempSubdirectory("azurite-test-");
        try
        {
            var location = Path.Combine(folder.FullName, "not-yet-created");
            var options = new AzuriteStartOptions { SearchFrom = RepositoryPaths.Root, Location = location };
            await using (var first = await AzuriteProcess.StartAsync(options))
            {
                var table = new TableClient(first.ConnectionString, "persisted");
                await table.CreateIfNotExistsAsync();
                await table.AddEntityAsync(new TableEntity("p", "r") { ["Title"] = "kept" });
            }

            await using var second = await AzuriteProcess.StartAsync(options);
            var again = new TableClient(second.ConnectionString, "persisted");
            Assert.Equal("kept", (await again.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Title"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_MissingExecutable_SaysToRunNpmCi()
    {
        var error = await Assert.ThrowsAsync<FileNotFoundException>(
            () => AzuriteProcess.StartAsync(new AzuriteStartOptions { ExecutablePath = "/nonexistent/azurite" }));

        Assert.Contains("npm ci", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ExecutableThatExits_ReportsItsOutput()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var script = Path.Combine(Directory.CreateTempSubdirectory("fake-azurite-").FullName, "azurite");
        await File.WriteAllTextAsync(script, "#!/bin/sh\necho 'port already in use' >&2\nexit 3\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => AzuriteProcess.StartAsync(new AzuriteStartOptions { ExecutablePath = script }));

        Assert.Contains("exited with code 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("port already in use", error.Message, StringComparison.Ordinal);
        Directory.Delete(Path.GetDirectoryName(script)!, recursive: true);
    }

    [Fact]
    public void IsListening_ClosedPort_IsFalse()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        Assert.False(AzuriteProcess.IsListening(port));
    }

    private static bool HasExited(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
