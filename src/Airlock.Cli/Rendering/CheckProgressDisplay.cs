using System.Collections.Concurrent;
using System.Diagnostics;
using Airlock.Readiness.Rubric;
using Spectre.Console;

namespace Airlock.Cli.Rendering;

/// <summary>
/// Shows long checks' progress on standard error: live bars with a rate (commits/s) on a terminal, and one
/// line per activity at the end when standard error is not a terminal (CI logs).
/// </summary>
internal sealed class CheckProgressDisplay : IProgress<CheckProgress>
{
    private readonly ConcurrentDictionary<(string CheckId, string Activity), Entry> _entries = new();
    private ProgressContext? _context;

    public void Report(CheckProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var entry = _entries.GetOrAdd((value.CheckId, value.Activity), _ => new Entry(Stopwatch.StartNew()));
        entry.Last = value;
        if (_context is { } context)
        {
            entry.Task ??= context.AddTask($"{value.CheckId}: {value.Activity} ({value.Unit})", autoStart: true, maxValue: Math.Max(1, value.Total ?? 1));
            entry.Task.MaxValue = Math.Max(1, value.Total ?? Math.Max(value.Done, 1));
            entry.Task.Value = value.Done;
        }
    }

    /// <summary>Runs <paramref name="work"/> while showing progress.</summary>
    public async Task<T> RunAsync<T>(IAnsiConsole console, bool live, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!live)
        {
            var result = await work();
            WriteSummary(console);
            return result;
        }

        return await console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                _context = context;
                try
                {
                    return await work();
                }
                finally
                {
                    foreach (var entry in _entries.Values.Where(e => e.Task is not null))
                    {
                        entry.Task!.Value = entry.Task.MaxValue;
                        entry.Task.StopTask();
                    }

                    _context = null;
                }
            });
    }

    private void WriteSummary(IAnsiConsole console)
    {
        // Only activities that did measurable work: a "0 files" line is noise in a CI log.
        foreach (var ((checkId, activity), entry) in _entries.Where(e => e.Value.Last?.Done > 0).OrderBy(e => e.Key.CheckId, StringComparer.Ordinal))
        {
            var seconds = Math.Max(entry.Clock.Elapsed.TotalSeconds, 0.001);
            var last = entry.Last!;
            console.WriteLine($"{checkId}: {activity}: {last.Done:N0} {last.Unit} in {seconds:0.0} s ({last.Done / seconds:N0} {last.Unit}/s)");
        }
    }

    private sealed class Entry(Stopwatch clock)
    {
        public Stopwatch Clock { get; } = clock;

        public CheckProgress? Last { get; set; }

        public ProgressTask? Task { get; set; }
    }
}
