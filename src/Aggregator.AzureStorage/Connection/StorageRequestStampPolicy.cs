using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.AzureStorage.Connection;

/// <summary>
/// Stamps every attempt with <c>x-ms-date</c> and <c>x-ms-version</c>. Runs per retry, before the signing policy, so a
/// retried request carries a fresh date and a signature over it.
/// </summary>
internal sealed class StorageRequestStampPolicy(string serviceVersion) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        message.Request.Headers.SetValue(StorageHeaders.Date, DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue(StorageHeaders.Version, serviceVersion);
    }
}
