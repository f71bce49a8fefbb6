using System.Text.RegularExpressions;
using ChatAgent.Guard;

namespace Airlock.ChatAgent.Tests.Guard;

public class GuardRuleSetTests
{
    [Fact]
    public void Default_LoadsRulesForEveryInputKind()
    {
        var kinds = GuardRuleSet.Default.Rules.Select(r => r.Kind).ToHashSet();

        Assert.Equal(GuardKinds.InputKinds.Order(), kinds.Order());
        Assert.Equal(GuardRuleSet.Default.Rules.Count, GuardRuleSet.Default.Rules.Select(r => r.Name).Distinct().Count());
    }

    [Fact]
    public void Parse_SpaceInPattern_MatchesAnySeparatorOrNone()
    {
        var rules = GuardRuleSet.Parse("[injection]\n1 test-rule ignore all\n");
        var pattern = rules.Rules[0].Pattern;

        Assert.Matches(pattern, "ignore all");
        Assert.Matches(pattern, "ignore-all");
        Assert.Matches(pattern, "ignoreall");
        Assert.DoesNotMatch(pattern, "signore allways");
    }

    [Fact]
    public void Parse_BadLines_ReportsEveryErrorWithItsLine()
    {
        var text = "1 orphan outside\n[nonsense]\n[jailbreak]\nx no-weight pattern\n1 dup a\n1 dup b\n1 broken (unclosed\n";

        var error = Assert.Throws<FormatException>(() => GuardRuleSet.Parse(text));

        Assert.Contains("line 1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2: unknown kind [nonsense]", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4:", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 6: rule name 'dup' is used twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 7: rule 'broken' has an invalid pattern", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_EveryRule_MatchesWithoutBacktracking()
    {
        // A hostile message must cost a linear scan, never an exponential search: no rule may backtrack.
        Assert.All(GuardRuleSet.Default.Rules, r => Assert.True(r.Pattern.Options.HasFlag(RegexOptions.NonBacktracking), r.Name));
    }
}
