using System.Globalization;

namespace Airlock.Rollouts.Runtime;

/// <summary>
/// The few fields of <c>/proc/PID/stat</c> the runtime needs (proc(5)): the state, the session, and the start time in
/// clock ticks since boot, which tells a live revision from another process that was given the same pid later.
/// </summary>
internal readonly record struct ProcStat(char State, int Session, long StartTicks)
{
    /// <summary>Dead but not yet reaped by its parent: it serves nothing any more.</summary>
    public bool IsZombie => State is 'Z' or 'X';

    public static ProcStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // Field 2 is the command name in parentheses and may itself hold spaces or ')': split after the last ')'.
        var close = text.LastIndexOf(')');
        if (close < 0)
        {
            return null;
        }

        // After ')': field 3 (state) is index 0, field 6 (session) index 3, field 22 (starttime) index 19.
        var fields = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 20
            || !int.TryParse(fields[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var session)
            || !long.TryParse(fields[19], NumberStyles.Integer, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        return new ProcStat(fields[0][0], session, start);
    }

    /// <summary>True while the process with this pid is the one that started at <paramref name="startTicks"/> and is not dead.</summary>
    public static bool IsAlive(int pid, long startTicks) => Read(pid) is { IsZombie: false } stat && stat.StartTicks == startTicks;
}
