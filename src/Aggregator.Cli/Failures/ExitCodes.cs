namespace Aggregator.Cli.Failures;

/// <summary>What every command's exit code means, so a script or a scheduler can tell the failures apart.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Some sources failed (the rest were stored), or an unexpected error; the output says which.</summary>
    public const int SourcesFailed = 1;

    /// <summary>An option, a setting or the sources file is invalid: nothing was attempted.</summary>
    public const int Usage = 2;

    /// <summary>Storage did not answer, or refused the credentials.</summary>
    public const int StorageUnavailable = 3;

    /// <summary>Interrupted (Ctrl+C), as shells report a SIGINT.</summary>
    public const int Interrupted = 130;

    /// <summary>The help text's section, one code a line.</summary>
    public static readonly string[] HelpLines =
    [
        "0    ok",
        "1    some sources failed (the others were stored), or an unexpected error",
        "2    invalid option, setting or sources file; nothing was attempted",
        "3    storage unavailable or refusing the credentials",
        "130  interrupted (Ctrl+C)",
    ];
}
