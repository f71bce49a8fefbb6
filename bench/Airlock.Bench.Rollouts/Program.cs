using System.Diagnostics;
using System.Globalization;
using Airlock.Bench.Rollouts;

// Usage: Airlock.Bench.Rollouts fault|healthy RUNS LISTEN_PORT AIRLOCK_DLL TESTSERVICE_DLL [RATE]
// One session per invocation: a temp project, `airlock serve`, stable v1, then RUNS rollouts one after the other
// under a constant open-loop load through the proxy. Prints one line per run, then a summary.
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: Airlock.Bench.Rollouts fault|healthy RUNS LISTEN_PORT AIRLOCK_DLL TESTSERVICE_DLL [RATE]");
    return 2;
}

var mode = args[0];
var runs = int.Parse(args[1], CultureInfo.InvariantCulture);
var port = int.Parse(args[2], CultureInfo.InvariantCulture);
var rate = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 200;
var faulty = mode == "fault";
// Fault runs: the canary holds at 5% long enough that a rollback is the analysis's doing, not the end of the plan.
// Healthy runs: 5% then 50%, then promote: each step long enough for minSamples (30) at 5% of 200 req/s.
var steps = faulty ? "[ {setWeight: 5}, {pause: 25s} ]" : "[ {setWeight: 5}, {pause: 5s}, {setWeight: 50}, {pause: 3s} ]";

var clock = Stopwatch.StartNew();
using var session = new Session(Path.GetFullPath(args[3]), Path.GetFullPath(args[4]), port, steps);
Console.WriteLine($"# {mode} x{runs} at {rate} req/s, project {session.Directory}, steps {steps}");
session.StartServe();
session.Deploy("v1", 0, wait: true);

using var load = new LoadGenerator(new Uri($"http://127.0.0.1:{port}/"), rate, clock);
using var stopLoad = new CancellationTokenSource();
var loadTask = Task.Run(() => load.RunAsync(stopLoad.Token));
await Task.Delay(2000); // the stable has traffic (and analysis a stable baseline) before the first canary

var results = new List<string>();
var detections = new List<double>();
var lastSeen = new List<double>();
var rolledBack = 0;
var otherFailures = 0L;
var injectedTotal = 0L;
for (var run = 1; run <= runs; run++)
{
    var revision = (faulty ? "f" : "h") + run.ToString(CultureInfo.InvariantCulture);
    var startMs = clock.Elapsed.TotalMilliseconds;
    session.Deploy(revision, faulty ? 0.5 : 0, wait: false);
    double? backMs = null;
    var seenCanary = false;
    string? status = null;
    while (clock.Elapsed.TotalMilliseconds - startMs < 40_000)
    {
        var weights = await session.WeightsAsync();
        var now = clock.Elapsed.TotalMilliseconds;
        if (weights is not null)
        {
            var weight = weights.GetValueOrDefault(revision);
            if (weight > 0)
            {
                seenCanary = true;
            }
            else if (seenCanary && backMs is null)
            {
                backMs = now;
            }
        }

        var state = await session.StatusAsync();
        if (state is { Active: false } s && s.LastCandidate == revision)
        {
            status = s.LastStatus;
            break;
        }

        await Task.Delay(50);
    }

    await Task.Delay(1500); // responses already in flight when the weight went to 0
    var endMs = clock.Elapsed.TotalMilliseconds;
    var window = load.Responses.Where(r => r.DoneMs >= startMs && r.DoneMs < endMs).ToList();
    var mine = window.Where(r => r.Revision == revision).ToList();
    var injected = mine.Where(r => r.Injected).ToList();
    var onset = injected.Count > 0 ? injected.Min(r => r.DoneMs) : (double?)null;
    var last = mine.Count > 0 ? mine.Max(r => r.DoneMs) : (double?)null;
    var others = window.Count(r => r.Status != 200 && !r.Injected);
    otherFailures += others;
    injectedTotal += injected.Count;
    var rolled = status?.Contains("rolled", StringComparison.OrdinalIgnoreCase) == true;
    rolledBack += rolled ? 1 : 0;
    string detection = "-", lastAfter = "-";
    if (onset is { } o && backMs is { } b)
    {
        detections.Add((b - o) / 1000);
        detection = ((b - o) / 1000).ToString("F2", CultureInfo.InvariantCulture);
    }

    if (onset is { } o2 && last is { } l)
    {
        lastSeen.Add((l - o2) / 1000);
        lastAfter = ((l - o2) / 1000).ToString("F2", CultureInfo.InvariantCulture);
    }

    var line = $"run {run} {revision}: status={status ?? "timeout"} requests={window.Count} canary={mine.Count} injected={injected.Count} "
        + $"other_failures={others} onset_to_stable_s={detection} onset_to_last_canary_s={lastAfter}";
    results.Add(line);
    Console.WriteLine(line);
}

await stopLoad.CancelAsync();
await loadTask;

var all = load.Responses.ToList();
Console.WriteLine($"# load: sent {load.Sent} in {clock.Elapsed.TotalSeconds:F0} s, answered {all.Count}, non-200 other than injected {all.Count(r => r.Status != 200 && !r.Injected)}, transport failures {all.Count(r => r.Status == 0)}");
Console.WriteLine($"# runs {runs}: rolled back {rolledBack}, other failures in runs {otherFailures}, injected faults seen {injectedTotal}");
if (detections.Count > 0)
{
    detections.Sort();
    lastSeen.Sort();
    Console.WriteLine(FormattableString.Invariant($"# onset -> canary weight 0 (s): n={detections.Count} median={Median(detections):F2} worst={detections[^1]:F2} best={detections[0]:F2}"));
    Console.WriteLine(FormattableString.Invariant($"# onset -> last canary response (s): n={lastSeen.Count} median={Median(lastSeen):F2} worst={lastSeen[^1]:F2}"));
}

return 0;

static double Median(List<double> sorted) => sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
