using Azure;
using Azure.Identity;

namespace Aggregator.Hosting;

/// <summary>
/// Tells a storage outage or a refused credential apart from every other failure, and says so in one sentence without a
/// secret. Both hosts use it: the CLI to print one line and exit 3, the HTTP endpoints to answer 503 with the same words.
/// </summary>
public static class StorageFailure
{
    /// <summary>What kind of storage failure <paramref name="exception"/> (or anything it wraps) is; null when it is none.</summary>
    public static StorageFailureKind? Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // A refusal wins over a refused connection: the SDK's retries can wrap both, and only the refusal is the answer.
        var causes = Causes(exception).ToList();
        if (causes.Any(IsRefusal))
        {
            return StorageFailureKind.CredentialsRefused;
        }

        return causes.Any(IsUnreachable) ? StorageFailureKind.Unreachable : null;
    }

    /// <summary>
    /// One sentence: what failed, where (<see cref="StorageConnection.Describe"/>: the endpoint, never a key), and what to
    /// do. <paramref name="alternative"/> is the host's way to point elsewhere, e.g. "pass --storage".
    /// </summary>
    public static string Describe(StorageFailureKind kind, StorageConnection storage, Exception? cause = null, string? alternative = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var where = storage.Describe();
        var elsewhere = alternative ?? $"set {SettingNames.Storage}";
        return kind switch
        {
            StorageFailureKind.Unreachable => IsLoopback(storage)
                ? $"Storage unavailable: nothing answers at {where} — start Azurite with `npm run azurite`, or {elsewhere}."
                : $"Storage unavailable: nothing answers at {where} — check the account name and the network, or {elsewhere}.",
            _ => storage.ConnectionString is { Length: > 0 }
                ? $"Storage refused the credentials for {where}{Status(cause)} — check the AccountKey or SharedAccessSignature of the connection string, or {elsewhere}."
                : $"Storage refused the credentials for {where}{Status(cause)} — sign in (`az login`) or give the identity the Storage Table Data Contributor role, or {elsewhere}.",
        };
    }

    private static IEnumerable<Exception> Causes(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }

    private static bool IsRefusal(Exception e) =>
        e is RequestFailedException { Status: 401 or 403 } or AuthenticationFailedException or CredentialUnavailableException;

    // Status 0 is the SDK's "no response at all" (refused, unknown host); on a network timeout the SDK's retries give up
    // with the timeouts themselves, which is what a firewall dropping packets to a wrong host looks like.
    private static bool IsUnreachable(Exception e) => e is RequestFailedException { Status: 0 } or TimeoutException;

    private static string Status(Exception? cause) =>
        cause is null ? ""
        : Causes(cause).OfType<RequestFailedException>().FirstOrDefault(r => r.Status is 401 or 403) is { } refused
            ? refused.ErrorCode is { Length: > 0 } code ? $" ({refused.Status} {code})" : $" ({refused.Status})"
            : "";

    private static bool IsLoopback(StorageConnection storage)
    {
        try
        {
            var uri = storage.CreateTableServiceClient().Uri;
            return uri.IsLoopback;
        }
        catch (StorageConfigurationException)
        {
            return false;
        }
    }
}
