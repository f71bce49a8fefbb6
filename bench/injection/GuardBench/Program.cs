using System.Diagnostics;
using System.Globalization;
using ChatAgent.Guard;
using GuardBench;

// Usage: GuardBench ATTACKS.jsonl BENIGN.jsonl [--threshold 1.0] [--list]
// Prints recall per attack kind on the development half, the held-out half and the whole set, the false-positive rate
// on the benign set, and the guard's speed. --list adds the ids of missed development attacks (never their text: the
// benchmark holds offensive prompts) and every blocked benign message with the rules that fired (the benign set is ours).
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: GuardBench ATTACKS.jsonl BENIGN.jsonl [--threshold 1.0] [--list]");
    return 2;
}

var threshold = 1.0;
var thresholdAt = Array.IndexOf(args, "--threshold");
if (thresholdAt >= 0)
{
    threshold = double.Parse(args[thresholdAt + 1], CultureInfo.InvariantCulture);
}

var list = args.Contains("--list");
var attacks = BenchCase.Read(args[0], "kind");
var benign = BenchCase.Read(args[1], "category");
var guard = new PromptGuard(GuardRuleSet.Default, threshold);

// One untimed pass first: the non-backtracking matchers build their automata lazily, on the text they see.
foreach (var one in attacks.Concat(benign))
{
    guard.Inspect(one.Text);
}

var clock = Stopwatch.StartNew();
var attackVerdicts = attacks.Select(a => (Case: a, Verdict: guard.Inspect(a.Text))).ToList();
var benignVerdicts = benign.Select(b => (Case: b, Verdict: guard.Inspect(b.Text))).ToList();
clock.Stop();
var totalChars = attacks.Sum(a => a.Text.Length) + benign.Sum(b => b.Text.Length);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"input guard: {GuardRuleSet.Default.Rules.Count} rules, threshold {threshold}"));
Console.WriteLine($"attacks: {attacks.Count} from {args[0]}; split by sha256(id)[0] < 128: development {attacks.Count(a => a.IsDevelopment)}, held-out {attacks.Count(a => !a.IsDevelopment)}");
Console.WriteLine();
Console.WriteLine($"{"recall by kind",-26} {"development",16} {"held-out",16} {"all",16}");
foreach (var kind in attacks.Select(a => a.Kind).Distinct().Order(StringComparer.Ordinal).Append("(all kinds)"))
{
    var rows = attackVerdicts.Where(v => kind == "(all kinds)" || v.Case.Kind == kind).ToList();
    Console.WriteLine($"{kind,-26} {Recall(rows.Where(r => r.Case.IsDevelopment)),16} {Recall(rows.Where(r => !r.Case.IsDevelopment)),16} {Recall(rows),16}");
}

Console.WriteLine();
var blockedBenign = benignVerdicts.Where(v => v.Verdict.Blocked).ToList();
Console.WriteLine($"false positives: {Rate(blockedBenign.Count, benign.Count)} of the benign set ({args[1]})");
foreach (var category in benign.Select(b => b.Kind).Distinct().Order(StringComparer.Ordinal))
{
    var inCategory = benignVerdicts.Where(v => v.Case.Kind == category).ToList();
    Console.WriteLine($"  {category,-24} {Rate(inCategory.Count(v => v.Verdict.Blocked), inCategory.Count)}");
}

foreach (var written in benign.Select(b => b.Written).OfType<string>().Distinct().Order(StringComparer.Ordinal))
{
    var inGroup = benignVerdicts.Where(v => v.Case.Written == written).ToList();
    Console.WriteLine($"  written {written,-16} {Rate(inGroup.Count(v => v.Verdict.Blocked), inGroup.Count)}");
}

Console.WriteLine();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"speed: {attacks.Count + benign.Count} messages ({totalChars / 1024.0:F0} KiB) in {clock.Elapsed.TotalMilliseconds:F0} ms, {clock.Elapsed.TotalMicroseconds / (attacks.Count + benign.Count):F0} µs per message on average"));

Console.WriteLine();
Console.WriteLine("rules that fired on blocked attacks (all halves), most first:");
foreach (var (rule, count) in attackVerdicts.Where(v => v.Verdict.Blocked).SelectMany(v => v.Verdict.Rules).CountBy(r => r).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
{
    Console.Write($"{rule} {count}; ");
}

Console.WriteLine();
if (list)
{
    Console.WriteLine();
    Console.WriteLine("missed development attacks (id, score, rules):");
    foreach (var (one, verdict) in attackVerdicts.Where(v => v.Case.IsDevelopment && !v.Verdict.Blocked))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {one.Id} {verdict.Score} [{string.Join(' ', verdict.Rules)}]"));
    }

    Console.WriteLine("benign messages with any rule firing (id, blocked, score, rules, text):");
    foreach (var (one, verdict) in benignVerdicts.Where(v => v.Verdict.Rules.Count > 0))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {one.Id} {(verdict.Blocked ? "BLOCKED" : "ok")} {verdict.Score} [{string.Join(' ', verdict.Rules)}] {one.Text.ReplaceLineEndings(" ")}"));
    }
}

return 0;

static string Recall(IEnumerable<(BenchCase Case, GuardVerdict Verdict)> rows)
{
    var list = rows.ToList();
    return Rate(list.Count(r => r.Verdict.Blocked), list.Count);
}

static string Rate(int hits, int count) =>
    count == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{hits}/{count} {100.0 * hits / count:F1}%");
