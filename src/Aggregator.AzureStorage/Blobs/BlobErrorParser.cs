using System.Xml;
using System.Xml.Linq;
using Aggregator.AzureStorage.Connection;
using Azure;
using Azure.Core;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>
/// Reads the Blob service's error: the <c>x-ms-error-code</c> header and the XML body
/// (<c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;</c>), so <see cref="RequestFailedException.ErrorCode"/> is set.
/// </summary>
internal sealed class BlobErrorParser : RequestFailedDetailsParser
{
    public static readonly BlobErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var code);
        string? message = null;
        var body = response.Content;
        if (body is not null && body.ToMemory().Length > 0)
        {
            try
            {
                var root = XDocument.Parse(body.ToString()).Root;
                code ??= root?.Element("Code")?.Value;
                message = root?.Element("Message")?.Value;
            }
            catch (XmlException)
            {
                // Not the service's XML (a proxy's page, say): the header and the raw body in the message will do.
            }
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? code);
        return error is not null;
    }
}
