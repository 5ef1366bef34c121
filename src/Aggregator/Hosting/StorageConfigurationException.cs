namespace Aggregator.Hosting;

/// <summary>The storage settings cannot be used as they are: a configuration error, reported without any secret.</summary>
public sealed class StorageConfigurationException : Exception
{
    public StorageConfigurationException()
    {
    }

    public StorageConfigurationException(string message)
        : base(message)
    {
    }

    public StorageConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
