using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Core;

namespace Aggregator.AzureStorage.Tables;

/// <summary>Posts a validated transaction to <c>$batch</c> and turns the multipart answer into responses or a failure.</summary>
internal sealed partial class TableTransactionSender(TableServiceConnection connection, string tableName)
{
    public async Task<Response<IReadOnlyList<Response>>> SubmitAsync(
        IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var body = TableTransactionBody.Write(
            actions,
            (pk, rk) => connection.UriFor(pk is null ? tableName : TableResourcePaths.Entity(tableName, pk, rk!)),
            batch,
            changeset);
        if (body.Length > EntityLimits.MaxTransactionBytes)
        {
            throw new ArgumentException(
                $"The table transaction's body is {body.Length:N0} bytes; the service accepts at most {EntityLimits.MaxTransactionBytes:N0}. Submit fewer or smaller entities per transaction.",
                nameof(actions));
        }

        using var message = connection.CreateMessage(RequestMethod.Post, "$batch");
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batch}");
        message.Request.Content = RequestContent.Create(body);
        var response = await connection.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202)
        {
            throw TableServiceConnection.Failure(response);
        }

        var parts = TableTransactionResponse.Parse(Encoding.UTF8.GetString(response.Content.ToMemory().Span));
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
        {
            throw Failure(failed, actions);
        }

        return Response.FromValue<IReadOnlyList<Response>>(parts, response);
    }

    private static TableTransactionFailedException Failure(TransactionPartResponse failed, IReadOnlyList<TableTransactionAction> actions)
    {
        var error = TableErrorParser.Read(failed.Content, null);
        var text = error?.Message ?? failed.ReasonPhrase;
        var match = FailedIndex().Match(text);
        int? index = match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        if (index is not null && (index < 0 || index >= actions.Count))
        {
            index = null;
        }

        var blamed = index is { } i
            ? $"action {i} ({actions[i].ActionType} of '{actions[i].Entity.PartitionKey}'/'{actions[i].Entity.RowKey}')"
            : "an action the service did not name";
        var message = $"The table transaction of {actions.Count} actions was rejected at {blamed}; nothing was committed. "
            + $"Status {failed.Status} {failed.ReasonPhrase}, {error?.Code ?? "no error code"}: {FirstLine(text)}";
        return new TableTransactionFailedException(failed.Status, message, error?.Code, index);
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? text : text[..newline];
    }

    /// <summary>The service prefixes the error message with the failing action's zero-based index: <c>"3:The specified…"</c>.</summary>
    [GeneratedRegex(@"^(\d+):")]
    private static partial Regex FailedIndex();
}
