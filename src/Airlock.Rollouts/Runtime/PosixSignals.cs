using System.Runtime.InteropServices;

namespace Airlock.Rollouts.Runtime;

/// <summary>
/// kill(2) on a whole process group. .NET can only SIGKILL a process (Process.Kill), and a graceful stop needs SIGTERM
/// first; signalling the group also reaches whatever the revision started itself.
/// </summary>
internal static partial class PosixSignals
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>Signals every process in the group led by <paramref name="groupLeader"/>; false when none is left.</summary>
    public static bool SignalGroup(int groupLeader, int signal) => Kill(-groupLeader, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
