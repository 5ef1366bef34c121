using Azure;

namespace Aggregator.AzureStorage.Blobs;

/// <summary>Conditions on a blob write: <c>IfNoneMatch = ETag.All</c> means "only if it does not exist yet".</summary>
public sealed class BlobRequestConditions
{
    public ETag? IfMatch { get; set; }

    public ETag? IfNoneMatch { get; set; }
}
