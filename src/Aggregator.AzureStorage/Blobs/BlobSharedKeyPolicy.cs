using System.Globalization;
using System.Text;
using Aggregator.AzureStorage.Connection;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>
/// Shared Key authorization, Blob service flavour: signs the verb, the standard headers, every <c>x-ms-</c> header
/// (lowercased, sorted) and the resource with all query parameters.
/// </summary>
internal sealed class BlobSharedKeyPolicy(StorageAccountKey key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        long length = 0;
        request.Content?.TryComputeLength(out length);
        var text = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header(request, "Content-Encoding")).Append('\n')
            .Append(Header(request, "Content-Language")).Append('\n')
            .Append(length == 0 ? string.Empty : length.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Header(request, "Content-MD5")).Append('\n')
            .Append(Header(request, "Content-Type")).Append('\n')
            .Append('\n') // Date: x-ms-date is signed among the canonicalized headers instead.
            .Append(Header(request, "If-Modified-Since")).Append('\n')
            .Append(Header(request, "If-Match")).Append('\n')
            .Append(Header(request, "If-None-Match")).Append('\n')
            .Append(Header(request, "If-Unmodified-Since")).Append('\n')
            .Append(Header(request, "Range")).Append('\n');
        foreach (var header in request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), h.Value))
            .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            text.Append(header.Name).Append(':').Append(header.Value.Trim()).Append('\n');
        }

        text.Append(CanonicalizedResource(key.AccountName, request.Uri.ToUri()));
        request.Headers.SetValue("Authorization", $"SharedKey {key.AccountName}:{key.Sign(text.ToString())}");
    }

    internal static string CanonicalizedResource(string accountName, Uri uri)
    {
        var resource = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");
        var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
        foreach (var name in query.AllKeys.OfType<string>().OrderBy(n => n.ToLowerInvariant(), StringComparer.Ordinal))
        {
            var values = (query.GetValues(name) ?? []).Order(StringComparer.Ordinal);
            resource.Append('\n').Append(name.ToLowerInvariant()).Append(':').Append(string.Join(',', values));
        }

        return resource.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
