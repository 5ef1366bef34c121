using System.Runtime.InteropServices;

namespace Aggregator.Azurite;

/// <summary>
/// Sends SIGTERM, which .NET's Process cannot: Azurite flushes its table database on SIGTERM, so a persisted
/// <c>--location</c> keeps the last writes; a kill would lose up to its autosave interval.
/// </summary>
internal static class UnixSignal
{
    private const int SigTerm = 15;

    public static bool TryTerminate(int processId) =>
        !OperatingSystem.IsWindows() && Kill(processId, SigTerm) == 0;

    // DllImport rather than LibraryImport: the source-generated stub needs unsafe code enabled for the project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
