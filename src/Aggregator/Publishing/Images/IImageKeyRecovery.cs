namespace Aggregator.Publishing.Images;

/// <summary>
/// Gets the image proxy its signing key after all when the generated key could not be read at start (storage was
/// down): without it the proxy would stay off until the process restarted.
/// </summary>
internal interface IImageKeyRecovery
{
    /// <summary>
    /// When the proxy is waiting for its key, asks storage again (at most once a minute, one caller at a time); returns
    /// at once otherwise. Never throws: a failed try waits for the next. Takes no cancellation: a reader hanging up
    /// must not leave the proxy half recovered.
    /// </summary>
    Task TryRecoverAsync();
}
