using System.Collections.Immutable;
using System.Globalization;
using Airlock.Core.Readiness;

namespace Airlock.Readiness.Rubric;

/// <summary>Row counts per tier and result, and the verdict for a <c>--fail-on</c> tier.</summary>
public sealed record RubricSummary(ImmutableDictionary<(Severity Severity, CheckResult Result), int> Counts)
{
    public static RubricSummary Of(IEnumerable<RubricRow> rows) =>
        new(rows.GroupBy(r => (r.Severity, r.Result)).ToImmutableDictionary(g => g.Key, g => g.Count()));

    public int Count(Severity severity, CheckResult result) => Counts.GetValueOrDefault((severity, result));

    public int Count(CheckResult result) => Enum.GetValues<Severity>().Sum(s => Count(s, result));

    /// <summary>True when a row at <paramref name="failOn"/> or more severe failed.</summary>
    public bool Fails(Severity failOn) =>
        Enum.GetValues<Severity>().Where(s => s <= failOn).Any(s => Count(s, CheckResult.Fail) > 0);

    /// <summary>"Blocks Launch: 1 fail, 3 pass · Degrades It: ..." for the summary line.</summary>
    public string Describe()
    {
        var tiers = Enum.GetValues<Severity>().Select(severity =>
        {
            var parts = Enum.GetValues<CheckResult>()
                .Where(result => Count(severity, result) > 0)
                .Select(result => string.Create(CultureInfo.InvariantCulture, $"{Count(severity, result)} {result.ToString().ToLowerInvariant()}"));
            var text = string.Join(", ", parts);
            return $"{severity.Display()}: {(text.Length == 0 ? "no rows" : text)}";
        });
        return string.Join(" · ", tiers);
    }
}
