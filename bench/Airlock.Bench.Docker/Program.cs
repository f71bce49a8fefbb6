using System.Text.Json;
using Airlock.Bench.Docker;
using Airlock.Readiness.Docker;
using Airlock.Readiness.Rubric;

// Agreement of the Dockerfile rows with hadolint's own rule specs, on the rules whose meaning overlaps ours.
// Usage: Airlock.Bench.Docker PATH/TO/hadolint-cases.jsonl
if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: Airlock.Bench.Docker <hadolint-cases.jsonl>");
    return 2;
}

var cases = File.ReadLines(args[0])
    .Where(line => line.Trim().Length > 0)
    .Select(line => JsonSerializer.Deserialize<HadolintCase>(line)!)
    .ToList();
var scan = DockerfileScan.TextOnly();
var total = new AgreementTally();
Console.WriteLine($"{cases.Count} hadolint assertions read; overlapping rules: {string.Join(", ", RuleOverlap.All.Select(o => o.Hadolint))}");
Console.WriteLine("  overlap: our findings of the matching kind vs hadolint fires/silent");
Console.WriteLine("  whole row: our row fails or warns vs hadolint fires/silent (ours is stricter by design in places)");
Console.WriteLine("  a case that is a fragment without FROM is judged as the final stage of 'FROM scratch' (our rows judge whole images)");
Console.WriteLine();
foreach (var overlap in RuleOverlap.All)
{
    // Cases that configure hadolint differently (config overrides) have no counterpart here.
    var ruleCases = cases.Where(c => c.Rule == overlap.Hadolint && !c.ConfigOverride).ToList();
    var tally = new AgreementTally();
    var notes = new List<string>();
    foreach (var item in ruleCases)
    {
        var findings = overlap.Ours.InspectSafely(AsWholeFile(item.Dockerfile), scan);
        var fires = findings.Any(f => overlap.FiringRuleIds.Contains(f.Evidence.RuleId ?? string.Empty));
        var rowFires = findings.Any(f => f.Result is CheckResult.Fail or CheckResult.Warn);
        var ours = string.Join(", ", findings.Select(f => $"{f.Result}:{f.Evidence.RuleId}"));
        var shown = $"\"{item.Description}\"{(item.OnBuild ? " (onbuild)" : string.Empty)}: hadolint {item.Expect}, ours [{ours}]";
        tally.Cases++;
        tally.RowAgree += rowFires == item.Fires ? 1 : 0;
        if (fires == item.Fires)
        {
            tally.Agree++;
            if (rowFires != item.Fires)
            {
                var reasons = findings.Where(f => f.Result != CheckResult.Pass)
                    .Select(f => DocumentedDifferences.StricterFindings.GetValueOrDefault(f.Evidence.RuleId ?? string.Empty))
                    .ToList();
                var explained = reasons.All(r => r is not null);
                tally.RowUnexplained += explained ? 0 : 1;
                notes.Add($"    whole row {(explained ? "stricter by design" : "UNEXPLAINED")} {shown}{(explained ? ": " + string.Join("; ", reasons.Distinct()) : string.Empty)}");
            }
        }
        else if (DocumentedDifferences.ByCase.TryGetValue((item.Rule, item.Description), out var reason))
        {
            tally.Documented++;
            notes.Add($"    documented difference {shown}: {reason}");
        }
        else
        {
            notes.Add($"    DISAGREES {shown}\n      {item.Dockerfile.Replace("\n", "\\n", StringComparison.Ordinal)}");
        }
    }

    Console.WriteLine($"{overlap.Hadolint} ({overlap.Meaning}) vs {overlap.Ours.RowId} [{string.Join('|', overlap.FiringRuleIds)}]: {tally}");
    notes.ForEach(Console.WriteLine);
    total.Add(tally);
}

// False positives of the secret-name rule: the cases written for other hadolint rules hold no secrets.
var secretsRule = new SecretsInEnvRule();
var otherCases = cases.Where(c => c.Rule != "DL3064").ToList();
var flagged = otherCases
    .SelectMany(c => secretsRule.Inspect(DockerfileParser.Parse(c.Dockerfile), scan).Where(f => f.Evidence.RuleId?.StartsWith("secret-", StringComparison.Ordinal) == true).Select(f => (c, f)))
    .ToList();
Console.WriteLine();
Console.WriteLine($"secrets-in-env on the {otherCases.Count} cases of other rules (none holds a secret): {flagged.Count} finding(s)");
flagged.ForEach(x => Console.WriteLine($"    {x.c.Rule} \"{x.c.Description}\": {x.f.Evidence.Message}"));

// Every rule over every case of every hadolint rule: malformed and unusual Dockerfiles must never crash a row.
var crashes = 0;
foreach (var item in cases)
{
    try
    {
        var file = DockerfileParser.Parse(item.Dockerfile);
        foreach (var rule in DockerfileCheck.Rules)
        {
            _ = rule.InspectSafely(file, scan);
        }
    }
    catch (Exception exception) when (exception is not OutOfMemoryException)
    {
        crashes++;
        Console.WriteLine($"    CRASH on {item.Rule} \"{item.Description}\": {exception.GetType().Name}: {exception.Message}");
    }
}

Console.WriteLine();
Console.WriteLine($"TOTAL: {total}");
Console.WriteLine($"Robustness: all {DockerfileCheck.Rules.Count} rows over all {cases.Count} case Dockerfiles, {crashes} crash(es)");
return total.Agree + total.Documented == total.Cases && total.RowUnexplained == 0 && crashes == 0 ? 0 : 1;

static Dockerfile AsWholeFile(string text)
{
    var file = DockerfileParser.Parse(text);
    return file.Stages.Count > 0 ? file : DockerfileParser.Parse("FROM scratch\n" + text);
}
