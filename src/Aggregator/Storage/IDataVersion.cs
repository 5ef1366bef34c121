namespace Aggregator.Storage;

/// <summary>
/// A counter that changes whenever anything a feed shows changes; publishing keys its rendered-bytes cache on it so an
/// unchanged poll costs one small read and no rendering.
/// </summary>
public interface IDataVersion
{
    Task<string> GetAsync(CancellationToken cancellationToken = default);

    Task BumpAsync(CancellationToken cancellationToken = default);
}
