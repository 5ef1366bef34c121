using Aggregator.AzureStorage.Connection;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// What a service client and its table clients share: the endpoint, the account and one authenticated pipeline.
/// Creates Table-service requests with the OData headers every call needs.
/// </summary>
internal sealed class TableServiceConnection
{
    public const string AcceptMinimalMetadata = "application/json;odata=minimalmetadata";
    public const string JsonContentType = "application/json;odata=nometadata";

    private readonly HttpPipeline pipeline;
    private readonly string endpointText;

    private TableServiceConnection(Uri endpoint, string accountName, HttpPipeline pipeline)
    {
        Endpoint = endpoint;
        AccountName = accountName;
        this.pipeline = pipeline;
        endpointText = StorageEndpoint.Trimmed(endpoint);
    }

    public Uri Endpoint { get; }

    public string AccountName { get; }

    public static TableServiceConnection FromConnectionString(string connectionString, TableClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parsed = StorageConnectionString.Parse(connectionString);
        return FromSharedKey(parsed.TableEndpoint, new StorageAccountKey(parsed.AccountName, parsed.AccountKey), options);
    }

    public static TableServiceConnection FromSharedKey(Uri endpoint, StorageAccountKey key, TableClientOptions? options)
    {
        ValidateEndpoint(endpoint);
        var pipeline = StoragePipeline.Build(options ?? new TableClientOptions(), StorageHeaders.TableServiceVersion, new TableSharedKeyPolicy(key));
        return new TableServiceConnection(endpoint, key.AccountName, pipeline);
    }

    public static TableServiceConnection FromToken(Uri endpoint, TokenCredential credential, TableClientOptions? options)
    {
        ValidateEndpoint(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        var pipeline = StoragePipeline.Build(options ?? new TableClientOptions(), StorageHeaders.TableServiceVersion, StoragePipeline.BearerToken(credential));
        return new TableServiceConnection(endpoint, StorageEndpoint.AccountNameFrom(endpoint), pipeline);
    }

    /// <summary>The absolute URI of a resource below the endpoint; <paramref name="relative"/> is already escaped.</summary>
    public Uri UriFor(string relative) => new(endpointText + "/" + relative);

    public HttpMessage CreateMessage(RequestMethod method, string relative)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(UriFor(relative));
        message.Request.Headers.SetValue("Accept", AcceptMinimalMetadata);
        message.Request.Headers.SetValue("DataServiceVersion", "3.0");
        return message;
    }

    public static void SetJsonContent(HttpMessage message, byte[] json)
    {
        message.Request.Headers.SetValue("Content-Type", JsonContentType);
        message.Request.Content = RequestContent.Create(json);
    }

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    public static RequestFailedException Failure(Response response) => new(response, null, TableErrorParser.Instance);

    private static void ValidateEndpoint(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The table endpoint must be an absolute http(s) URI, not '{endpoint}'.", nameof(endpoint));
        }
    }
}
