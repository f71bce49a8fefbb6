using System.Diagnostics;
using System.Globalization;
using Airlock.Core.Config;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.Secrets;
using Airlock.Readiness.Secrets.Engine;
using Airlock.Readiness.Secrets.Findings;
using Airlock.Readiness.Secrets.History;

// Usage:
//   Airlock.Bench history REPO [RULES.toml]   the secrets history scan (git log + parse + detection), as SecretsCheck runs it
//   Airlock.Bench parse REPO                  git log + parse only, detection skipped (the scan's own floor)
//   Airlock.Bench check REPO [RULES.toml]     the whole secrets check (history + working tree + rows)
//   Airlock.Bench rule-cost REPO [RULES.toml] detection time per rule over the first 2,000 history fragments, slowest first
return args switch
{
    ["history", var repo] => await HistoryAsync(repo, null),
    ["history", var repo, var rules] => await HistoryAsync(repo, rules),
    ["parse", var repo] => await ParseAsync(repo),
    ["check", var repo] => await CheckAsync(repo, null),
    ["check", var repo, var rules] => await CheckAsync(repo, rules),
    ["rule-cost", var repo] => await RuleCostAsync(repo, null),
    ["rule-cost", var repo, var rules] => await RuleCostAsync(repo, rules),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Airlock.Bench history REPO [RULES.toml] | parse REPO | check REPO [RULES.toml]");
    return 2;
}

static async Task<int> HistoryAsync(string repo, string? rulesFile)
{
    var context = Context(repo, rulesFile);
    var rules = SecretsCheck.ChooseRules(context);
    var detector = new SecretDetector(rules.Rules);
    var findings = new SecretFindingSet();
    var watch = Stopwatch.StartNew();
    var stats = await SecretsCheck.ScanHistoryAsync(context, detector, [], findings, CancellationToken.None);
    Report("history", watch.Elapsed, stats, $"rules={rules.Rules.Rules.Length} ({rules.Origin}) findings={findings.Count} timeouts={detector.TimedOutMatches}");
    return 0;
}

static async Task<int> ParseAsync(string repo)
{
    var watch = Stopwatch.StartNew();
    var stats = await new HistoryScanner(new GitRepository(repo)).ScanAsync(static _ => { }, null, CancellationToken.None);
    Report("parse", watch.Elapsed, stats, "detection=off");
    return 0;
}

static async Task<int> CheckAsync(string repo, string? rulesFile)
{
    var watch = Stopwatch.StartNew();
    var rows = await new SecretsCheck().RunAsync(Context(repo, rulesFile), CancellationToken.None);
    Console.WriteLine($"check seconds={watch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)}");
    foreach (var row in rows)
    {
        Console.WriteLine($"  {row.Id} {row.Result}: {row.Summary}");
        Console.WriteLine($"    test: {row.Test}");
        foreach (var evidence in row.Evidence.Take(5))
        {
            Console.WriteLine($"    {evidence.Location} {evidence.Commit?[..12]} {evidence.Message}");
        }
    }

    return 0;
}

static async Task<int> RuleCostAsync(string repo, string? rulesFile)
{
    var rules = SecretsCheck.ChooseRules(Context(repo, rulesFile)).Rules;
    var fragments = new System.Collections.Concurrent.ConcurrentQueue<SecretFragment>();
    await new HistoryScanner(new GitRepository(repo)).ScanAsync(
        f =>
        {
            if (fragments.Count < 2000)
            {
                fragments.Enqueue(new SecretFragment(f.Path, f.Content) { Commit = f.Commit });
            }
        },
        null,
        CancellationToken.None);
    var costs = new List<(string Rule, double Milliseconds)>();
    var all = Stopwatch.StartNew();
    var detector = new SecretDetector(rules);
    foreach (var fragment in fragments)
    {
        detector.Detect(fragment);
    }

    Console.WriteLine($"all {rules.Rules.Length} rules: {all.Elapsed.TotalMilliseconds:0} ms over {fragments.Count} fragments ({fragments.Sum(f => (long)f.Content.Length) / 1e6:0.0} M chars)");
    var none = Stopwatch.StartNew();
    var empty = new SecretDetector(rules with { Rules = [] });
    foreach (var fragment in fragments)
    {
        empty.Detect(fragment);
    }

    Console.WriteLine($"no rules (allowlists only): {none.Elapsed.TotalMilliseconds:0} ms");
    foreach (var rule in rules.Rules)
    {
        var one = new SecretDetector(rules with { Rules = [rule] });
        var watch = Stopwatch.StartNew();
        foreach (var fragment in fragments)
        {
            one.Detect(fragment);
        }

        costs.Add((rule.Id, watch.Elapsed.TotalMilliseconds));
    }

    foreach (var (rule, milliseconds) in costs.OrderByDescending(c => c.Milliseconds).Take(15))
    {
        Console.WriteLine($"  {milliseconds,8:0} ms  {rule}");
    }

    return 0;
}

static CheckContext Context(string repo, string? rulesFile) => new()
{
    RepositoryRoot = Path.GetFullPath(repo),
    Config = AirlockConfig.Default,
    Git = new GitRepository(Path.GetFullPath(repo)),
    RulesFile = rulesFile,
};

static void Report(string mode, TimeSpan elapsed, HistoryScanStats stats, string extra)
{
    var seconds = elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{mode} seconds={seconds:0.00} commits={stats.Commits} commits/s={stats.Commits / seconds:0} fragments={stats.Fragments} " +
        $"added-MB={stats.AddedChars / 1e6:0.0} split={stats.SplitFragments} long-lines={stats.LongLines} {extra} bench-peak-rss-MB={PeakRssMegabytes()}"));
}

// This process's own peak RSS (git's is reported separately by /usr/bin/time): VmHWM in /proc/self/status.
static string PeakRssMegabytes()
{
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    var kilobytes = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
    return kilobytes is null ? "?" : (long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture);
}
