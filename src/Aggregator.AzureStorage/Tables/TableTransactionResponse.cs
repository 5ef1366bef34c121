using System.Globalization;
using System.Text;
using Azure.Core;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Reads the operation responses out of a transaction's <c>multipart/mixed</c> response. Rather than trusting the
/// nesting (a failure may come back outside the changeset), it takes every part that holds an <c>HTTP/1.1</c> status
/// line, in order.
/// </summary>
internal static class TableTransactionResponse
{
    public static IReadOnlyList<TransactionPartResponse> Parse(string body)
    {
        var parts = new List<TransactionPartResponse>();
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                continue;
            }

            var statusLine = lines[i]["HTTP/1.1 ".Length..];
            var space = statusLine.IndexOf(' ', StringComparison.Ordinal);
            var status = int.Parse(space < 0 ? statusLine : statusLine[..space], CultureInfo.InvariantCulture);
            var reason = space < 0 ? string.Empty : statusLine[(space + 1)..];

            var headers = new List<HttpHeader>();
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    headers.Add(new HttpHeader(lines[i][..colon].Trim(), lines[i][(colon + 1)..].Trim()));
                }
            }

            var content = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
            {
                content.Append(lines[i]).Append('\n');
            }

            i--;
            parts.Add(new TransactionPartResponse(status, reason, headers, Encoding.UTF8.GetBytes(content.ToString().TrimEnd())));
        }

        return parts;
    }
}
