using System.Diagnostics;
using System.Text.Json;
using Airlock.Readiness.Secrets.Engine;
using Airlock.Readiness.Secrets.Rules;

// Usage:
//   SecretsBench fidelity RULES.toml CASES.jsonl   every tp reported under its rule, no fp under its rule
//   SecretsBench scan DIR [RULES.toml]             findings per file of a working tree, as JSON lines
return args switch
{
    ["fidelity", var rules, var cases] => Fidelity(rules, cases),
    ["scan", var dir] => Scan(dir, null),
    ["scan", var dir, var rules] => Scan(dir, rules),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: SecretsBench fidelity RULES.toml CASES.jsonl | scan DIR [RULES.toml]");
    return 2;
}

static int Fidelity(string rulesPath, string casesPath)
{
    var watch = Stopwatch.StartNew();
    var detector = new SecretDetector(SecretRuleSources.LoadGitleaksFile(rulesPath));
    Console.WriteLine($"loaded and compiled {detector.RuleSet.Rules.Length} rules in {watch.ElapsedMilliseconds} ms");
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
