namespace Aggregator.Hosting;

/// <summary>Why storage could not be used, in the terms an operator acts on.</summary>
public enum StorageFailureKind
{
    /// <summary>Nothing answers at the endpoint (connection refused, unknown host, timed out): start it or point elsewhere.</summary>
    Unreachable,

    /// <summary>The service answered but refused the key, the SAS or the identity (401/403), or no token could be had.</summary>
    CredentialsRefused,
}
