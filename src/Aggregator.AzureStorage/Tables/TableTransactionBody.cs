using System.Text;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Writes an entity group transaction: a <c>multipart/mixed</c> batch holding one changeset with one
/// <c>application/http</c> part per action, each a complete HTTP request against an absolute entity URI.
/// </summary>
internal static class TableTransactionBody
{
    private const string Crlf = "\r\n";

    public static byte[] Write(
        IReadOnlyList<TableTransactionAction> actions, Func<string?, string?, Uri> entityUri, string batchBoundary, string changesetBoundary)
    {
        var body = new MemoryStream();
        void Text(string text) => body.Write(Encoding.UTF8.GetBytes(text));

        Text($"--{batchBoundary}{Crlf}Content-Type: multipart/mixed; boundary={changesetBoundary}{Crlf}{Crlf}");
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var (method, uri, ifMatch, hasBody) = Describe(action, entityUri);
            Text($"--{changesetBoundary}{Crlf}Content-Type: application/http{Crlf}Content-Transfer-Encoding: binary{Crlf}{Crlf}");
            Text($"{method} {uri.AbsoluteUri} HTTP/1.1{Crlf}");
            Text($"Accept: {TableServiceConnection.AcceptMinimalMetadata}{Crlf}DataServiceVersion: 3.0{Crlf}Content-ID: {i + 1}{Crlf}");
            if (ifMatch is not null)
            {
                Text($"If-Match: {ifMatch}{Crlf}");
            }

            if (hasBody)
            {
                var json = EntityJsonWriter.Serialize(action.Entity);
                Text($"Content-Type: {TableServiceConnection.JsonContentType}{Crlf}Prefer: return-no-content{Crlf}Content-Length: {json.Length}{Crlf}{Crlf}");
                body.Write(json);
                Text(Crlf);
            }
            else
            {
                Text(Crlf);
            }
        }

        Text($"--{changesetBoundary}--{Crlf}--{batchBoundary}--{Crlf}");
        return body.ToArray();
    }

    private static (string Method, Uri Uri, string? IfMatch, bool HasBody) Describe(
        TableTransactionAction action, Func<string?, string?, Uri> entityUri)
    {
        var entity = action.Entity;
        var etag = action.ETag == default ? "*" : action.ETag.ToString();
        return action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", entityUri(null, null), null, true),
            TableTransactionActionType.UpdateMerge => ("MERGE", entityUri(entity.PartitionKey, entity.RowKey), etag, true),
            TableTransactionActionType.UpdateReplace => ("PUT", entityUri(entity.PartitionKey, entity.RowKey), etag, true),
            TableTransactionActionType.Delete => ("DELETE", entityUri(entity.PartitionKey, entity.RowKey), etag, false),
            TableTransactionActionType.UpsertMerge => ("MERGE", entityUri(entity.PartitionKey, entity.RowKey), null, true),
            TableTransactionActionType.UpsertReplace => ("PUT", entityUri(entity.PartitionKey, entity.RowKey), null, true),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action type."),
        };
    }
}
