using Azure.Storage.Blobs;
using Aggregator.Azurite;
using Azure.Data.Tables;
using Aggregator.Testing.Paths;
using Xunit;

namespace Aggregator.Testing.Azurite;

/// <summary>
/// One real Azurite, in memory on free loopback ports, shared by the tests of a collection; each test takes its own
/// table from <see cref="CreateTableAsync"/>, so tests never see each other's rows. Never skipped: if Azurite cannot
/// start, every test using it fails with Azurite's own output.
/// </summary>
/// <example>
/// In the test assembly, declare the collection once:
/// <code>
/// [CollectionDefinition(AzuriteFixture.Collection)]
/// public sealed class AzuriteCollection : ICollectionFixture&lt;AzuriteFixture&gt; { }
/// </code>
/// then put <c>[Collection(AzuriteFixture.Collection)]</c> on each test class and take <c>AzuriteFixture</c> in its
/// constructor. (Or use <c>IClassFixture&lt;AzuriteFixture&gt;</c> for one Azurite per class.)
/// </example>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The conventional collection name for tests sharing this fixture.</summary>
    public const string Collection = "Azurite";

    private static int tableCounter;

    private AzuriteProcess? process;
    private TableServiceClient? tableService;

    public AzuriteProcess Process => process ?? throw new InvalidOperationException("Azurite has not been started (InitializeAsync was not called).");

    public string ConnectionString => Process.ConnectionString;

    public TableServiceClient TableService => tableService ??= new TableServiceClient(ConnectionString);

    public BlobServiceClient BlobService => new(ConnectionString);

    public async Task InitializeAsync()
    {
        var options = new AzuriteStartOptions { SearchFrom = SearchRoot() };
        process = await AzuriteProcess.StartAsync(options).ConfigureAwait(false);
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A new, empty table named <paramref name="prefix"/> plus a unique suffix (letters and digits only).</summary>
    public async Task<TableClient> CreateTableAsync(string prefix)
    {
        var letters = new string(prefix.Where(char.IsAsciiLetterOrDigit).ToArray());
        letters = letters.Length > 0 && char.IsAsciiLetter(letters[0]) ? letters : "t" + letters;
        var suffix = $"{Interlocked.Increment(ref tableCounter)}x{Guid.NewGuid():N}"[..12];
        var name = (letters.Length > 50 ? letters[..50] : letters) + suffix;
        var table = TableService.GetTableClient(name);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        return table;
    }

    private static string? SearchRoot()
    {
        try
        {
            return RepositoryPaths.Root;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
