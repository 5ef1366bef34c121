using Aggregator.AzureStorage.Connection;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Shared Key authorization, Table service flavour: signs VERB, Content-MD5, Content-Type, x-ms-date and the
/// canonicalized resource (<c>/account/path</c> plus <c>?comp=</c> only).
/// </summary>
internal sealed class TableSharedKeyPolicy(StorageAccountKey key) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var stringToSign = string.Join(
            '\n',
            request.Method.Method,
            Header(request, "Content-MD5"),
            Header(request, "Content-Type"),
            Header(request, StorageHeaders.Date),
            CanonicalizedResource(key.AccountName, request.Uri.ToUri()));
        request.Headers.SetValue("Authorization", $"SharedKey {key.AccountName}:{key.Sign(stringToSign)}");
    }

    internal static string CanonicalizedResource(string accountName, Uri uri)
    {
        var resource = "/" + accountName + (uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/");
        var comp = System.Web.HttpUtility.ParseQueryString(uri.Query)["comp"];
        return comp is null ? resource : resource + "?comp=" + comp;
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;
}
