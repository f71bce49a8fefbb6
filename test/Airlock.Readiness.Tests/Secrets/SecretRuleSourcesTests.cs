using Airlock.Readiness.Secrets.Engine;
using Airlock.Readiness.Secrets.Rules;

namespace Airlock.Readiness.Tests.Secrets;

public class SecretRuleSourcesTests
{
    [Fact]
    public void LoadDefault_EmbeddedRules_LoadAndCompileWithKeywordsOnEveryContentRule()
    {
        var rules = SecretRuleSources.LoadDefault();

        _ = new SecretDetector(rules);
        Assert.Equal(SecretRuleSources.DefaultSourceName, rules.Source);
        Assert.True(rules.Rules.Length >= 40, $"only {rules.Rules.Length} default rules");
        Assert.All(rules.Rules.Where(r => r.Path is null), r => Assert.False(r.Keywords.IsEmpty, r.Id));
        Assert.Equal(rules.Rules.Length, rules.Rules.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void LoadGitleaksFile_FullRule_ReadsEveryField()
    {
        using var repo = new TestRepository();
        repo.Write(".gitleaks.toml", """
            [[rules]]
            id = "acme"
            description = "Acme key"
            regex = '''acme_(\w+)'''
            secretGroup = 1
            entropy = 3.25
            keywords = ["ACME_", "acme_"]
            path = '''\.env$'''
            tags = ["vendor"]
            [[rules.allowlists]]
            description = "tests"
            condition = "AND"
            commits = ["abc"]
            paths = ['''^test/''']
            regexes = ['''^x''']
            regexTarget = "line"
            stopwords = ["demo"]
            """);

        var rule = Assert.Single(SecretRuleSources.LoadGitleaksFile(Path.Combine(repo.Root, ".gitleaks.toml")).Rules);

        Assert.Equal("acme", rule.Id);
        Assert.Equal("Acme key", rule.Description);
        Assert.Equal(@"acme_(\w+)", rule.Regex);
        Assert.Equal(1, rule.SecretGroup);
        Assert.Equal(3.25, rule.Entropy);
        Assert.Equal(["acme_"], rule.Keywords.ToArray());
        Assert.Equal(@"\.env$", rule.Path);
        Assert.Equal(["vendor"], rule.Tags.ToArray());
        var allowlist = Assert.Single(rule.Allowlists);
        Assert.Equal(AllowlistCondition.And, allowlist.Condition);
        Assert.Equal(AllowlistRegexTarget.Line, allowlist.RegexTarget);
        Assert.Equal(["abc"], allowlist.Commits.ToArray());
        Assert.Equal(["demo"], allowlist.StopWords.ToArray());
        Assert.Equal(1, rule.DefinedAt!.Line);
    }

    [Fact]
    public void LoadGitleaksFile_ExtendUseDefault_AddsToAirlockDefaultsWithOverridesAndDisabledRules()
    {
        using var repo = new TestRepository();
        repo.Write(".gitleaks.toml", """
            [extend]
            useDefault = true
            disabledRules = ["jwt"]

            [[rules]]
            id = "github-token"
            entropy = 4.5
            [[rules.allowlists]]
            paths = ['''^docs/''']

            [[rules]]
            id = "team-token"
            regex = '''team_[a-z0-9]{20}'''
            keywords = ["team_"]
            """);

        var set = SecretRuleSources.LoadGitleaksFile(Path.Combine(repo.Root, ".gitleaks.toml"));
        var defaults = SecretRuleSources.LoadDefault();

        Assert.Equal(defaults.Rules.Length, set.Rules.Length);
        Assert.DoesNotContain(set.Rules, r => r.Id == "jwt");
        Assert.Contains(set.Rules, r => r.Id == "team-token");
        var github = set.Rules.Single(r => r.Id == "github-token");
        var baseGithub = defaults.Rules.Single(r => r.Id == "github-token");
        Assert.Equal(4.5, github.Entropy);
        Assert.Equal(baseGithub.Regex, github.Regex);
        Assert.Equal(baseGithub.Allowlists.Length + 1, github.Allowlists.Length);
        Assert.Equal(defaults.Allowlists.Length, set.Allowlists.Length);
    }

    [Fact]
    public void LoadGitleaksFile_ExtendPath_ResolvesRelativeToTheFile()
    {
        using var repo = new TestRepository();
        repo.Write("config/base.toml", """
            [[rules]]
            id = "base-rule"
            regex = '''base_[a-z]{8}'''
            """);
        repo.Write("config/team.toml", """
            [extend]
            path = "base.toml"
            [[rules]]
            id = "team-rule"
            regex = '''team_[a-z]{8}'''
            """);

        var set = SecretRuleSources.LoadGitleaksFile(Path.Combine(repo.Root, "config", "team.toml"));

        Assert.Equal(["base-rule", "team-rule"], set.Rules.Select(r => r.Id));
    }

    [Fact]
    public void LoadGitleaksFile_ExtendCycle_IsAnError()
    {
        using var repo = new TestRepository();
        repo.Write("a.toml", "[extend]\npath = \"b.toml\"\n");
        repo.Write("b.toml", "[extend]\npath = \"a.toml\"\n");

        var error = Assert.Throws<SecretRulesException>(() => SecretRuleSources.LoadGitleaksFile(Path.Combine(repo.Root, "a.toml")));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[[rules]]\nid = \"x\"\nregx = '''a'''\n", 3, "unknown key 'regx'")]
    [InlineData("[[rules]]\nid = \"x\"\n", 1, "neither a regex nor a path")]
    [InlineData("[[rules]]\nregex = '''a'''\n", 1, "no 'id'")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = '''a'''\nentropy = \"high\"\n", 4, "'entropy' must be a number")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = '''a'''\n[[rules.allowlists]]\ncondition = \"XOR\"\nregexes = ['''b''']\n", 5, "unknown allowlist condition")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = '''a'''\n[[rules.allowlists]]\ndescription = \"empty\"\n", 4, "no condition")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = '''a'''\n[[rules]]\nid = \"x\"\nregex = '''b'''\n", 4, "duplicate rule id")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = \"\\d\"\n", 3, "invalid escape")]
    [InlineData("[[rules]]\nid = \"x\"\nregex = '''a'''\n[[rules.required]]\nid = \"y\"\n", 4, "unknown key 'required'")]
    public void LoadGitleaksText_BadConfig_ThrowsWithFileLineAndHint(string toml, int line, string message)
    {
        var error = Assert.Throws<SecretRulesException>(() => SecretRuleSources.LoadGitleaksText(toml, "team.toml"));

        Assert.Equal("team.toml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"team.toml:{line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadGitleaksFile_Missing_ThrowsRulesError()
    {
        var error = Assert.Throws<SecretRulesException>(() => SecretRuleSources.LoadGitleaksFile("/nonexistent/.gitleaks.toml"));

        Assert.Contains("cannot read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadGitleaksText_GlobalAllowlistWithTargetRules_AppliesToThoseRulesOnly()
    {
        var set = SecretRuleSources.LoadGitleaksText("""
            [[allowlists]]
            targetRules = ["a"]
            paths = ['''^test/''']
            [[rules]]
            id = "a"
            regex = '''secret=(\S+)'''
            [[rules]]
            id = "b"
            regex = '''secret=(\S+)'''
            """, "team.toml");
        var detector = new SecretDetector(set);

        var matches = detector.Detect(new SecretFragment("test/x.txt", "secret=" + FakeSecret.Random(FakeSecret.Alnum, 24)));

        Assert.Empty(set.Allowlists);
        Assert.Equal("b", Assert.Single(matches).RuleId);
    }

    [Fact]
    public void LoadGitleaksFile_BenchmarkGitleaksDefaultConfig_LoadsAndCompilesWhenPresent()
    {
        // Optional: the benchmark data lives outside the project (../shared/benchmarks); skip quietly when absent.
        var path = FindUp(Path.Combine("..", "shared", "benchmarks", "secrets", "gitleaks-default.toml"));
        if (path is null)
        {
            return;
        }

        var set = SecretRuleSources.LoadGitleaksFile(path);

        _ = new SecretDetector(set);
        Assert.Equal(222, set.Rules.Length);
    }

    private static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.GetFullPath(Path.Combine(dir.FullName, relative));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
