using System.Text.Json;
using Azure;
using Azure.Core;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Entities in one table: point reads, writes with optimistic concurrency, queries with continuation, and entity group
/// transactions. Shaped like Azure.Data.Tables' <c>TableClient</c>. Thread-safe; create once and reuse.
/// </summary>
public sealed class TableClient
{
    private readonly TableServiceConnection connection;

    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(TableServiceConnection.FromConnectionString(connectionString, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TableSharedKeyCredential credential, TableClientOptions? options = null)
        : this(TableServiceConnection.FromSharedKey(endpoint, (credential ?? throw new ArgumentNullException(nameof(credential))).Key, options), tableName)
    {
    }

    public TableClient(Uri endpoint, string tableName, TokenCredential credential, TableClientOptions? options = null)
        : this(TableServiceConnection.FromToken(endpoint, credential, options), tableName)
    {
    }

    internal TableClient(TableServiceConnection connection, string tableName)
    {
        TableNames.Validate(tableName);
        this.connection = connection;
        Name = tableName;
    }

    public string Name { get; }

    public string AccountName => connection.AccountName;

    public Uri Uri => connection.UriFor(Name);

    /// <summary>An OData filter with every interpolated value escaped as a literal of its type (see <see cref="TableQueryFilter"/>).</summary>
    public static string CreateQueryFilter(FormattableString filter) => TableQueryFilter.Create(filter);

    /// <summary>Creates the table; an existing table (409 TableAlreadyExists) is success.</summary>
    public async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = connection.CreateMessage(RequestMethod.Post, TableResourcePaths.Tables);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableServiceConnection.SetJsonContent(message, EntityJsonWriter.SerializeTableName(Name));
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204 || (response.Status == 409 && ErrorCode(response) == "TableAlreadyExists"))
        {
            return Response.FromValue(new TableItem(Name), response);
        }

        throw TableServiceConnection.Failure(response);
    }

    /// <summary>Deletes the table; a missing table is not an error.</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = connection.CreateMessage(RequestMethod.Delete, TableResourcePaths.Table(Name));
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status is 204 or 404 ? response : throw TableServiceConnection.Failure(response);
    }

    /// <summary>Reads one entity; a missing entity gives <c>HasValue == false</c>, a missing table still throws.</summary>
    public async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var path = EntityPath(partitionKey, rowKey) + TableQueryString.Build(select: select);
        using var message = connection.CreateMessage(RequestMethod.Get, path);
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 404 && ErrorCode(response) != "TableNotFound")
        {
            return new MissingEntityResponse<T>(response);
        }

        return response.Status == 200 ? Response.FromValue(ReadEntity<T>(response), response) : throw TableServiceConnection.Failure(response);
    }

    /// <summary>Reads one entity; a missing one throws <see cref="RequestFailedException"/> with status 404.</summary>
    public async Task<Response<T>> GetEntityAsync<T>(
        string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var path = EntityPath(partitionKey, rowKey) + TableQueryString.Build(select: select);
        using var message = connection.CreateMessage(RequestMethod.Get, path);
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 200 ? Response.FromValue(ReadEntity<T>(response), response) : throw TableServiceConnection.Failure(response);
    }

    /// <summary>Inserts a new entity; an existing one throws <see cref="TableEntityAlreadyExistsException"/>.</summary>
    public async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var message = connection.CreateMessage(RequestMethod.Post, Name);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableServiceConnection.SetJsonContent(message, EntityJsonWriter.Serialize(entity));
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status is 201 or 204)
        {
            return response;
        }

        throw response.Status == 409 && ErrorCode(response) == "EntityAlreadyExists"
            ? new TableEntityAlreadyExistsException(response)
            : TableServiceConnection.Failure(response);
    }

    /// <summary>Inserts or updates regardless of version: Merge keeps properties the entity lacks, Replace drops them.</summary>
    public Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity =>
        WriteEntityAsync(entity, ifMatch: null, mode, cancellationToken);

    /// <summary>Updates an existing entity if its ETag still matches <paramref name="ifMatch"/> (or always, with <see cref="ETag.All"/>).</summary>
    public Task<Response> UpdateEntityAsync<T>(
        T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        if (ifMatch == default)
        {
            throw new ArgumentException("Pass the ETag read with the entity, or ETag.All to overwrite whatever is stored.", nameof(ifMatch));
        }

        return WriteEntityAsync(entity, ifMatch.ToString(), mode, cancellationToken);
    }

    /// <summary>Deletes an entity (any version unless <paramref name="ifMatch"/> is given); a missing entity is not an error.</summary>
    public async Task<Response> DeleteEntityAsync(
        string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        using var message = connection.CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", ifMatch == default ? "*" : ifMatch.ToString());
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => response,
            404 when ErrorCode(response) != "TableNotFound" => response,
            412 => throw new TableConcurrencyException(response),
            _ => throw TableServiceConnection.Failure(response),
        };
    }

    /// <summary>Entities matching an OData <paramref name="filter"/> (build it with <see cref="CreateQueryFilter"/>), all pages.</summary>
    public AsyncPageable<T> QueryAsync<T>(
        string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is <= 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1,000 entities.");
        }

        var selected = select?.ToList();
        return new TableQueryPageable<T>(
            (token, pageSize, ct) => QueryPageAsync<T>(filter, pageSize, selected, token, ct), maxPerPage, cancellationToken);
    }

    /// <summary>
    /// Runs up to 100 actions on one partition atomically: all commit or none. A rejected transaction throws
    /// <see cref="TableTransactionFailedException"/> naming the failing action.
    /// </summary>
    public Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(
        IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        TableTransactionRules.Validate(list);
        return new TableTransactionSender(connection, Name).SubmitAsync(list, cancellationToken);
    }

    private string EntityPath(string partitionKey, string rowKey) => TableResourcePaths.Entity(Name, partitionKey, rowKey);

    private static string? ErrorCode(Response response) =>
        TableErrorParser.Read(response.Content, response.Headers.TryGetValue("x-ms-error-code", out var code) ? code : null)?.Code;

    private static T ReadEntity<T>(Response response)
        where T : class, ITableEntity, new()
    {
        using var document = JsonDocument.Parse(response.Content.ToMemory());
        var entity = EntityJsonReader.Materialize<T>(document.RootElement);
        if (entity.ETag == default && response.Headers.ETag is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    private async Task<Response> WriteEntityAsync<T>(T entity, string? ifMatch, TableUpdateMode mode, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        var method = mode switch
        {
            TableUpdateMode.Merge => new RequestMethod("MERGE"),
            TableUpdateMode.Replace => RequestMethod.Put,
            _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown update mode."),
        };
        using var message = connection.CreateMessage(method, EntityPath(entity.PartitionKey, entity.RowKey));
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        TableServiceConnection.SetJsonContent(message, EntityJsonWriter.Serialize(entity));
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => response,
            412 => throw new TableConcurrencyException(response),
            _ => throw TableServiceConnection.Failure(response),
        };
    }

    private async Task<Page<T>> QueryPageAsync<T>(
        string? filter, int? pageSize, IReadOnlyList<string>? select, string? continuationToken, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var (nextPartitionKey, nextRowKey) = continuationToken is null ? (null, null) : TableQueryPageable<T>.Split(continuationToken);
        var query = TableQueryString.Build(filter, pageSize, select, nextPartitionKey, nextRowKey);
        using var message = connection.CreateMessage(RequestMethod.Get, Name + "()" + query);
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw TableServiceConnection.Failure(response);
        }

        var entities = new List<T>();
        using (var document = JsonDocument.Parse(response.Content.ToMemory()))
        {
            foreach (var element in document.RootElement.GetProperty("value").EnumerateArray())
            {
                entities.Add(EntityJsonReader.Materialize<T>(element));
            }
        }

        response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPk);
        response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRk);
        return Page<T>.FromValues(entities, TableQueryPageable<T>.Token(nextPk, nextRk), response);
    }
}
