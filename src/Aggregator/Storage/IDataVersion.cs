namespace Aggregator.Storage;

/// <summary>
/// A counter that changes whenever anything a feed shows changes; publishing keys its rendered-bytes cache on it so an
/// unchanged poll costs no rendering. Implementations may answer from a recent read (see <see cref="Tables.TableDataVersion"/>):
/// a feed is at most a second behind a change made by another process, never behind one made through this instance.
/// </summary>
public interface IDataVersion
{
    Task<string> GetAsync(CancellationToken cancellationToken = default);

    Task BumpAsync(CancellationToken cancellationToken = default);
}
