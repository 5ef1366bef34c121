using Azure;
using Azure.Core;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// The account's Table service: creates and deletes tables and hands out <see cref="TableClient"/>s sharing one
/// pipeline. Shaped like Azure.Data.Tables' <c>TableServiceClient</c>.
/// </summary>
public sealed class TableServiceClient
{
    private readonly TableServiceConnection connection;

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableServiceConnection.FromConnectionString(connectionString, options))
    {
    }

    public TableServiceClient(Uri endpoint, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableServiceConnection.FromSharedKey(endpoint, (credential ?? throw new ArgumentNullException(nameof(credential))).Key, options))
    {
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(TableServiceConnection.FromToken(endpoint, credential, options))
    {
    }

    private TableServiceClient(TableServiceConnection connection)
    {
        this.connection = connection;
    }

    public string AccountName => connection.AccountName;

    public Uri Uri => connection.Endpoint;

    public TableClient GetTableClient(string tableName) => new(connection, tableName);

    public Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    public Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);
}
