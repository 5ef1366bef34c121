using Azure;
using Azure.Core;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>One block blob: upload it whole, download it whole, test for it, delete it.</summary>
public sealed class BlobClient
{
    private readonly BlobServiceConnection connection;
    private readonly string path;

    internal BlobClient(BlobServiceConnection connection, string containerName, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024)
        {
            throw new ArgumentException($"A blob name holds at most 1,024 characters, not {blobName.Length}.", nameof(blobName));
        }

        this.connection = connection;
        BlobContainerName = containerName;
        Name = blobName;
        path = containerName + "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
    }

    public string Name { get; }

    public string BlobContainerName { get; }

    public string AccountName => connection.AccountName;

    public Uri Uri => connection.UriFor(path);

    /// <summary>Uploads <paramref name="content"/> as a block blob; without <paramref name="overwrite"/> an existing blob is a 409.</summary>
    public Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, bool overwrite = false, CancellationToken cancellationToken = default) =>
        UploadAsync(
            content,
            new BlobUploadOptions { Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All } },
            cancellationToken);

    public async Task<Response<BlobContentInfo>> UploadAsync(BinaryData content, BlobUploadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        using var message = connection.CreateMessage(RequestMethod.Put, path);
        var headers = message.Request.Headers;
        headers.SetValue("x-ms-blob-type", "BlockBlob");
        headers.SetValue("Content-Type", "application/octet-stream");
        SetIfPresent(headers, "x-ms-blob-content-type", options.HttpHeaders?.ContentType);
        SetIfPresent(headers, "x-ms-blob-cache-control", options.HttpHeaders?.CacheControl);
        SetIfPresent(headers, "x-ms-blob-content-encoding", options.HttpHeaders?.ContentEncoding);
        SetIfPresent(headers, "If-Match", options.Conditions?.IfMatch?.ToString());
        SetIfPresent(headers, "If-None-Match", options.Conditions?.IfNoneMatch?.ToString());
        message.Request.Content = RequestContent.Create(content);
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 201
            ? Response.FromValue(new BlobContentInfo(response.Headers.ETag ?? default, BlobResponseHeaders.LastModified(response)), response)
            : throw BlobServiceConnection.Failure(response);
    }

    /// <summary>The whole blob in memory, with its stored content type and cache control; a missing blob is a 404.</summary>
    public async Task<Response<BlobDownloadResult>> DownloadContentAsync(CancellationToken cancellationToken = default)
    {
        using var message = connection.CreateMessage(RequestMethod.Get, path);
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200)
        {
            throw BlobServiceConnection.Failure(response);
        }

        var details = new BlobDownloadDetails
        {
            ContentType = BlobResponseHeaders.Get(response, "Content-Type"),
            CacheControl = BlobResponseHeaders.Get(response, "Cache-Control"),
            ContentEncoding = BlobResponseHeaders.Get(response, "Content-Encoding"),
            ETag = response.Headers.ETag ?? default,
            LastModified = BlobResponseHeaders.LastModified(response),
        };
        return Response.FromValue(new BlobDownloadResult { Content = response.Content, Details = details }, response);
    }

    public async Task<Response<bool>> ExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = connection.CreateMessage(RequestMethod.Head, path);
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            200 => Response.FromValue(true, response),
            404 => Response.FromValue(false, response),
            _ => throw BlobServiceConnection.Failure(response),
        };
    }

    /// <summary>Deletes the blob (and its snapshots); false when it was not there.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = connection.CreateMessage(RequestMethod.Delete, path);
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            202 => Response.FromValue(true, response),
            404 => Response.FromValue(false, response),
            _ => throw BlobServiceConnection.Failure(response),
        };
    }

    private static void SetIfPresent(RequestHeaders headers, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            headers.SetValue(name, value);
        }
    }
}
