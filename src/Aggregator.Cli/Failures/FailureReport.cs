namespace Aggregator.Cli.Failures;

/// <summary>
/// The one place a command's failure reaches the user: its message on stderr, the stack trace only when verbose, and
/// the exit code of <see cref="ExitCodes"/>.
/// </summary>
internal static class FailureReport
{
    public static int Write(Exception exception, TextWriter error, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var (exitCode, message) = Explain(exception);
        error.WriteLine(message);
        if (verbose)
        {
            error.WriteLine(exception.ToString());
        }
        else if (exitCode == ExitCodes.SourcesFailed)
        {
            error.WriteLine("Run again with --verbose for the stack trace.");
        }

        error.Flush();
        return exitCode;
    }

    public static (int ExitCode, string Message) Explain(Exception exception) =>
        exception is OperationCanceledException
            ? (ExitCodes.Interrupted, "Interrupted.")
            : FailureTranslation.Translate(exception, storage: null) is { } failure
                ? (failure.ExitCode, failure.Message)
                : (ExitCodes.SourcesFailed, $"Unexpected error: {exception.GetType().Name}: {FailureTranslation.FirstLine(exception.Message)}");
}
