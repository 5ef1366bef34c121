using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.StaticFiles;

namespace Aggregator.Fetching;

/// <summary>
/// file: URLs, so bundled sample sources work offline. An ETag derived from size and modification time (and a
/// Last-Modified) makes an unchanged file answer "not modified" exactly like an unchanged web feed, so a second
/// ingest run over the samples skips them cheaply.
/// </summary>
internal static class FileSourceReader
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static async Task<FetchResponse> ReadAsync(FetchRequest request, long maxBytes, CancellationToken cancellationToken = default)
    {
        var path = request.Url.LocalPath;
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FetchException(FetchFailure.NotFound, $"File {path} (from {request.Url}) does not exist.");
        }

        var etag = EntityTag(file);
        var lastModified = file.LastWriteTimeUtc.ToString("R", CultureInfo.InvariantCulture);
        var contentType = ContentTypes.TryGetContentType(path, out var guessed) ? AsFileType(guessed) : null;
        if (IsNotModified(request, etag, file.LastWriteTimeUtc))
        {
            return new FetchResponse
            {
                RequestedUrl = request.Url,
                FinalUrl = request.Url,
                StatusCode = 304,
                ContentType = contentType,
                ETag = etag,
                LastModified = lastModified,
            };
        }

        try
        {
            await using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            var (body, truncated) = await CappedBodyReader.ReadAsync(stream, maxBytes, file.Length, cancellationToken);
            return new FetchResponse
            {
                RequestedUrl = request.Url,
                FinalUrl = request.Url,
                Body = body,
                ContentType = contentType,
                ETag = etag,
                LastModified = lastModified,
                Truncated = truncated,
            };
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FetchException(FetchFailure.NotFound, $"File {path} (from {request.Url}) disappeared while being read.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FetchException(FetchFailure.Network, $"File {path} (from {request.Url}) could not be read: {e.Message}", e);
        }
    }

    /// <summary>A short hash of size and modification time: changes whenever the file is rewritten, costs no read.</summary>
    internal static string EntityTag(FileInfo file)
    {
        var identity = Encoding.ASCII.GetBytes($"{file.Length}:{file.LastWriteTimeUtc.Ticks}");
        return $"\"{Convert.ToHexStringLower(SHA256.HashData(identity).AsSpan(0, 8))}\"";
    }

    private static bool IsNotModified(FetchRequest request, string etag, DateTime lastWriteUtc)
    {
        // As in HTTP (RFC 9110 §13.1.3): when an ETag is known, it alone decides.
        if (request.ETag is not null)
        {
            return string.Equals(WithoutWeakPrefix(request.ETag), etag, StringComparison.Ordinal);
        }

        return request.LastModified is not null
            && DateTimeOffset.TryParseExact(request.LastModified, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            && lastWriteUtc.AddTicks(-(lastWriteUtc.Ticks % TimeSpan.TicksPerSecond)) <= since.UtcDateTime;
    }

    private static string WithoutWeakPrefix(string etag) => etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;

    /// <summary>
    /// A file carries no charset, so its type must not imply one: text/xml without a charset means us-ascii (RFC 3023)
    /// and would overrule the file's own XML declaration; application/xml leaves the declaration in charge.
    /// </summary>
    private static string AsFileType(string guessed) =>
        string.Equals(guessed, "text/xml", StringComparison.OrdinalIgnoreCase) ? "application/xml" : guessed;
}
