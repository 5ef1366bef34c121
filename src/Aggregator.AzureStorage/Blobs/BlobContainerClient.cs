using Azure;
using Azure.Core;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>One blob container: create it, and reach its blobs.</summary>
public sealed class BlobContainerClient
{
    private readonly BlobServiceConnection connection;

    internal BlobContainerClient(BlobServiceConnection connection, string name)
    {
        ValidateName(name);
        this.connection = connection;
        Name = name;
    }

    public string Name { get; }

    public string AccountName => connection.AccountName;

    public Uri Uri => connection.UriFor(Name);

    /// <summary>Creates the container (private access); null when it already existed.</summary>
    public async Task<Response<BlobContainerInfo>?> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = connection.CreateMessage(RequestMethod.Put, Name + "?restype=container");
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status == 201)
        {
            return Response.FromValue(new BlobContainerInfo(response.Headers.ETag ?? default, BlobResponseHeaders.LastModified(response)), response);
        }

        return response.Status == 409 && BlobServiceConnection.ErrorCode(response) == "ContainerAlreadyExists"
            ? null
            : throw BlobServiceConnection.Failure(response);
    }

    public BlobClient GetBlobClient(string blobName) => new(connection, Name, blobName);

    private static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length is >= 3 and <= 63
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && char.IsAsciiLetterOrDigit(name[0]) && char.IsAsciiLetterOrDigit(name[^1])
            && !name.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException(
                $"'{name}' is not a valid container name: use 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(name));
        }
    }
}
