namespace Aggregator.Publishing.Images;

/// <summary>For compositions whose key is configured or absent by design: there is nothing to recover.</summary>
internal sealed class NoImageKeyRecovery : IImageKeyRecovery
{
    public Task TryRecoverAsync() => Task.CompletedTask;
}
