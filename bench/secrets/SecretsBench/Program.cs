using System.Diagnostics;
using System.Text.Json;
using Airlock.Readiness.Secrets.Engine;
using Airlock.Readiness.Secrets.Rules;

// Usage:
//   SecretsBench fidelity RULES.toml CASES.jsonl   every tp reported under its rule, no fp under its rule
//   SecretsBench scan DIR [RULES.toml]             findings per file of a working tree, as JSON lines
return args switch
{
    ["fidelity", var rules, var cases] => Fidelity(rules, cases, preferSpecific: true),
    ["fidelity", var rules, var cases, "--no-precedence"] => Fidelity(rules, cases, preferSpecific: false),
    ["scan", var dir] => Scan(dir, null),
    ["compile-times", var rules] => CompileTimes(rules),
    ["scan", var dir, var rules] => Scan(dir, rules),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SecretsBench fidelity RULES.toml CASES.jsonl | scan DIR [RULES.toml]");
    return 2;
}

static int Fidelity(string rulesPath, string casesPath, bool preferSpecific)
{
    var watch = Stopwatch.StartNew();
    var set = SecretRuleSources.LoadGitleaksFile(rulesPath);
    var loadMs = watch.ElapsedMilliseconds;
    var detector = new SecretDetector(set, new SecretDetectorOptions { PreferSpecificRules = preferSpecific });
    Console.WriteLine($"loaded {set.Rules.Length} rules in {loadMs} ms, compiled in {watch.ElapsedMilliseconds - loadMs} ms");
    int tp = 0, tpFound = 0, fp = 0, fpSilent = 0, n = 0;
    watch.Restart();
    foreach (var line in File.ReadLines(casesPath))
    {
        n++;
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        var rule = root.GetProperty("rule").GetString()!;
        var kind = root.GetProperty("kind").GetString()!;
        var text = root.GetProperty("text").GetString()!;
        var path = root.TryGetProperty("path", out var p) ? p.GetString()! : $"cases/case-{n}.txt";
        var hits = detector.Detect(new SecretFragment(path, text)).Where(m => m.RuleId == rule).ToList();
        if (kind == "tp")
        {
            tp++;
            if (hits.Count > 0)
            {
                tpFound++;
            }
            else
            {
                Console.WriteLine($"MISSED tp #{n} {rule} {path}: {Shorten(text)}");
            }
        }
        else
        {
            fp++;
            if (hits.Count == 0)
            {
                fpSilent++;
            }
            else
            {
                Console.WriteLine($"REPORTED fp #{n} {rule} {path}: {Shorten(text)} secret={Shorten(hits[0].Secret)}");
            }
        }
    }

    Console.WriteLine($"precedence of specific rules over generic ones: {(preferSpecific ? "on (gitleaks' report filter)" : "off (as gitleaks' single-rule tests)")}");
    Console.WriteLine($"tp found under own rule: {tpFound}/{tp}; fp silent under own rule: {fpSilent}/{fp}; scan {watch.ElapsedMilliseconds} ms; timeouts {detector.TimedOutMatches}");
    return tpFound == tp && fpSilent == fp ? 0 : 1;
}

static int Scan(string directory, string? rulesPath)
{
    var detector = new SecretDetector(rulesPath is null ? SecretRuleSources.LoadDefault() : SecretRuleSources.LoadGitleaksFile(rulesPath));
    foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
    {
        var relative = Path.GetRelativePath(directory, file).Replace('\\', '/');
        if (relative.StartsWith(".git/", StringComparison.Ordinal))
        {
            continue;
        }

        foreach (var m in detector.Detect(new SecretFragment(relative, File.ReadAllText(file))))
        {
            Console.WriteLine(JsonSerializer.Serialize(new { file = relative, rule = m.RuleId, line = m.Line, secret = Airlock.Readiness.Redaction.SecretRedactor.Redact(m.Secret) }));
        }
    }

    return 0;
}

static string Shorten(string text)
{
    var flat = text.Replace("\n", "\\n", StringComparison.Ordinal);
    return flat.Length > 140 ? flat[..140] + "…" : flat;
}

static int CompileTimes(string rulesPath)
{
    var set = SecretRuleSources.LoadGitleaksFile(rulesPath);
    var times = new List<(long Ms, string Id)>();
    var total = Stopwatch.StartNew();
    foreach (var rule in set.Rules)
    {
        var watch = Stopwatch.StartNew();
        _ = new SecretDetector(set with { Rules = [rule], Allowlists = [] });
        times.Add((watch.ElapsedMilliseconds, rule.Id));
    }

    foreach (var (ms, id) in times.OrderByDescending(t => t.Ms).Take(15))
    {
        Console.WriteLine($"{ms,6} ms  {id}");
    }

    Console.WriteLine($"total {total.ElapsedMilliseconds} ms");
    return 0;
}
