namespace Aggregator.Enrichment;

/// <summary>Why a lookup failed, which decides what happens next.</summary>
public enum MetadataFailure
{
    /// <summary>An error status, a timeout: the papers are tried again in a later run.</summary>
    Service = 0,

    /// <summary>The answer could not be read (not Atom, not JSON, missing fields): recorded, tried again later.</summary>
    Malformed = 1,

    /// <summary>The service could not be reached at all (no network, DNS): the run stops asking it, nothing is recorded.</summary>
    Unreachable = 2,

    /// <summary>The run's time budget ends before the service may be asked again: the papers wait, nothing is recorded.</summary>
    OutOfTime = 3,

    /// <summary>
    /// The service answered that the question itself is wrong (arXiv: "incorrect id format"). Asked together, one bad
    /// id refuses them all, so each is then asked alone; one refused alone is recorded like any failure.
    /// </summary>
    Refused = 4,
}
