namespace Aggregator.Cli.Failures;

/// <summary>
/// A failure already put in a user's terms: its message is printed as it is (one or two lines, no secret) and the
/// command exits with <see cref="ExitCode"/>. The cause is kept for --verbose.
/// </summary>
internal sealed class CommandFailure : Exception
{
    public CommandFailure(int exitCode, string message, Exception? innerException = null)
        : base(message, innerException) => ExitCode = exitCode;

    public int ExitCode { get; }

    public static CommandFailure Usage(string message, Exception? cause = null) => new(ExitCodes.Usage, message, cause);

    public static CommandFailure StorageUnavailable(string message, Exception? cause = null) => new(ExitCodes.StorageUnavailable, message, cause);
}
