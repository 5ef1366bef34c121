using System.Text.Json;
using Aggregator.AzureStorage.Connection;
using Azure;
using Azure.Core;

namespace Aggregator.AzureStorage.Tables;

/// <summary>
/// Reads the Table service's OData error (<c>{"odata.error":{"code":…,"message":{"value":…}}}</c>), falling back to
/// the <c>x-ms-error-code</c> header, so <see cref="RequestFailedException.ErrorCode"/> is the service's code.
/// </summary>
internal sealed class TableErrorParser : RequestFailedDetailsParser
{
    public static readonly TableErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        error = Read(response.Content, response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var header) ? header : null);
        return error is not null;
    }

    /// <summary>The code and message of an OData error body, or the header code alone, or null.</summary>
    public static ResponseError? Read(BinaryData? body, string? headerCode)
    {
        if (body is not null && body.ToMemory().Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body.ToMemory());
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("odata.error", out var odata))
                {
                    var code = odata.TryGetProperty("code", out var c) ? c.GetString() : headerCode;
                    var message = odata.TryGetProperty("message", out var m)
                        ? m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString()
                        : null;
                    return new ResponseError(code ?? headerCode, message ?? code ?? "The Table service reported an error.");
                }
            }
            catch (JsonException)
            {
                // Not JSON (an XML error from a proxy, say): the header code and the raw body in the message will do.
            }
        }

        return headerCode is null ? null : new ResponseError(headerCode, headerCode);
    }
}
