using Aggregator.Hosting;
using Aggregator.Sources;

namespace Aggregator.Cli.Failures;

/// <summary>
/// Puts what the pipeline throws in a user's terms, where the command still knows the storage it was given: which value
/// failed and what to do about it. (The sources file's messages already name the file, the entry and the field.)
/// </summary>
internal static class FailureTranslation
{
    /// <summary>How a user points a command at other storage; appended to storage failures.</summary>
    public const string OtherStorage = $"pass --storage (or set {SettingNames.Storage})";

    /// <summary>The failure as a <see cref="CommandFailure"/>, or null when it is not one a user can act on.</summary>
    public static CommandFailure? Translate(Exception exception, StorageConnection? storage) => exception switch
    {
        CommandFailure failure => failure,
        SourceCatalogException catalog => CommandFailure.Usage(catalog.Message, catalog),
        StorageConfigurationException configuration => CommandFailure.Usage(configuration.Message, configuration),
        _ when StorageFailure.Classify(exception) is { } kind => CommandFailure.StorageUnavailable(
            storage is null ? $"Storage unavailable: {FirstLine(exception.Message)}" : StorageFailure.Describe(kind, storage, exception, OtherStorage),
            exception),
        _ => null,
    };

    /// <summary>The first line of a message: SDK messages go on with headers and response bodies.</summary>
    public static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
