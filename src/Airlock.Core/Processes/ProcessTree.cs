using System.Diagnostics;

namespace Airlock.Core.Processes;

/// <summary>Stops a process Airlock started, with everything it started in turn.</summary>
public static class ProcessTree
{
    /// <summary>Kills the process and its descendants; a process that already exited is not an error.</summary>
    public static void Kill(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the caller's decision and the kill.
        }
    }
}
