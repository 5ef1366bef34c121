namespace Aggregator.Storage;

public interface ISourceStateStore
{
    Task<SourceState?> GetAsync(string sourceId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SourceState>> ListAsync(CancellationToken cancellationToken = default);

    Task SaveAsync(SourceState state, CancellationToken cancellationToken = default);
}
