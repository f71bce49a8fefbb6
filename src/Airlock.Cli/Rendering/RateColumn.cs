using Spectre.Console;
using Spectre.Console.Rendering;

namespace Airlock.Cli.Rendering;

/// <summary>Units per second of a progress task ("1,480/s").</summary>
internal sealed class RateColumn : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        var speed = task.Speed;
        return new Text(speed is null ? "  -/s" : $"{speed:N0}/s", new Style(Color.Grey));
    }
}
