using Airlock.Core.Config;
using Airlock.Proxy.Telemetry;

namespace Airlock.Proxy.Admin;

/// <summary>The <c>last</c> parameter of the window endpoint: a duration like the route file's, whole seconds, 1s to 15m.</summary>
internal static class WindowLength
{
    public const int DefaultSeconds = 60;
    public const string Hint = "write a duration of whole seconds up to 15m, for example last=30s, last=2m or last=15m (default 1m)";

    public static bool TryParse(string? text, out int seconds)
    {
        seconds = DefaultSeconds;
        if (text is null)
        {
            return true;
        }

        if (!ConfigQuantities.TryParseDuration(text, out var duration) || duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return false;
        }

        seconds = (int)Math.Min(duration.TotalSeconds, int.MaxValue);
        return seconds is >= 1 and <= RevisionWindow.Seconds;
    }
}
