using Azure.Core;
using Azure.Core.Pipeline;

namespace Aggregator.AzureStorage.Connection;

/// <summary>Builds the Azure.Core pipeline (retries, logging, telemetry) with date/version stamping and one way to authenticate.</summary>
internal static class StoragePipeline
{
    // Safe to log and useful when diagnosing paging, conflicts and concurrency; Authorization stays redacted.
    private static readonly string[] LoggedHeaders =
        ["x-ms-continuation-NextPartitionKey", "x-ms-continuation-NextRowKey", StorageHeaders.ErrorCode, "ETag", "DataServiceVersion", "Prefer"];

    public static HttpPipeline Build(ClientOptions options, string serviceVersion, HttpPipelinePolicy authentication)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(authentication);
        foreach (var header in LoggedHeaders)
        {
            if (!options.Diagnostics.LoggedHeaderNames.Contains(header))
            {
                options.Diagnostics.LoggedHeaderNames.Add(header);
            }
        }

        return HttpPipelineBuilder.Build(
            options,
            perCallPolicies: [],
            perRetryPolicies: [new StorageRequestStampPolicy(serviceVersion), authentication],
            responseClassifier: new ResponseClassifier());
    }

    public static HttpPipelinePolicy BearerToken(TokenCredential credential) =>
        new BearerTokenAuthenticationPolicy(credential, StorageHeaders.TokenScope);
}
