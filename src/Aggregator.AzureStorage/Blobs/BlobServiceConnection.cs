using Aggregator.AzureStorage.Connection;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>The endpoint, account and authenticated pipeline a blob service client shares with its container and blob clients.</summary>
internal sealed class BlobServiceConnection
{
    private readonly HttpPipeline pipeline;
    private readonly string endpointText;

    private BlobServiceConnection(Uri endpoint, string accountName, HttpPipeline pipeline)
    {
        Endpoint = endpoint;
        AccountName = accountName;
        this.pipeline = pipeline;
        endpointText = StorageEndpoint.Trimmed(endpoint);
    }

    public Uri Endpoint { get; }

    public string AccountName { get; }

    public static BlobServiceConnection FromConnectionString(string connectionString, BlobClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parsed = StorageConnectionString.Parse(connectionString);
        var key = new StorageAccountKey(parsed.AccountName, parsed.AccountKey);
        var pipeline = StoragePipeline.Build(options ?? new BlobClientOptions(), StorageHeaders.BlobServiceVersion, new BlobSharedKeyPolicy(key));
        return new BlobServiceConnection(parsed.BlobEndpoint, parsed.AccountName, pipeline);
    }

    public static BlobServiceConnection FromToken(Uri endpoint, TokenCredential credential, BlobClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"The blob endpoint must be an absolute http(s) URI, not '{endpoint}'.", nameof(endpoint));
        }

        var pipeline = StoragePipeline.Build(options ?? new BlobClientOptions(), StorageHeaders.BlobServiceVersion, StoragePipeline.BearerToken(credential));
        return new BlobServiceConnection(endpoint, StorageEndpoint.AccountNameFrom(endpoint), pipeline);
    }

    public Uri UriFor(string escapedRelative) => new(endpointText + "/" + escapedRelative);

    public HttpMessage CreateMessage(RequestMethod method, string escapedRelative)
    {
        var message = pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(UriFor(escapedRelative));
        return message;
    }

    public async Task<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    /// <summary>The service's error, with the x-ms-error-code header as <see cref="RequestFailedException.ErrorCode"/>.</summary>
    public static RequestFailedException Failure(Response response) => new(response, null, BlobErrorParser.Instance);

    public static string? ErrorCode(Response response) =>
        response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var code) ? code : null;
}
