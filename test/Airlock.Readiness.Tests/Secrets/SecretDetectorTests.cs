using Airlock.Readiness.Secrets.Engine;
using Airlock.Readiness.Secrets.Rules;

namespace Airlock.Readiness.Tests.Secrets;

public class SecretDetectorTests
{
    private static readonly string Token = FakeSecret.Random(FakeSecret.Alnum, 32);

    [Fact]
    public void Detect_RuleMatch_ReportsSecretGroupLineAndColumn()
    {
        var detector = Detector("""
            [[rules]]
            id = "acme"
            regex = '''acme_(?:key|token)\s*=\s*"(acme_[A-Za-z0-9]{32})"'''
            keywords = ["acme_"]
            """);

        var matches = detector.Detect(new SecretFragment("src/app.py", $"import os\n  acme_key = \"acme_{Token}\"\n"));

        var match = Assert.Single(matches);
        Assert.Equal("acme", match.RuleId);
        Assert.Equal("acme_" + Token, match.Secret);
        Assert.Equal(2, match.Line);
        Assert.Equal(3, match.Column);
        Assert.Equal($"  acme_key = \"acme_{Token}\"", match.LineText);
        Assert.True(match.Entropy > 4);
    }

    [Fact]
    public void Detect_KeywordAbsent_RuleDoesNotRun()
    {
        var detector = Detector("""
            [[rules]]
            id = "needs-keyword"
            regex = '''[A-Za-z0-9]{32}'''
            keywords = ["vendorx"]
            """);

        Assert.Empty(detector.Detect(new SecretFragment("a.txt", Token)));
        Assert.Single(detector.Detect(new SecretFragment("a.txt", "VENDORX " + Token)));
    }

    [Fact]
    public void Detect_SecretGroupSet_UsesThatGroupElseFirstNonEmpty()
    {
        var detector = Detector("""
            [[rules]]
            id = "second"
            regex = '''(x)?user=(\w+) pass=(\w+)'''
            secretGroup = 3
            [[rules]]
            id = "first-non-empty"
            regex = '''(x)?user=(\w+) pass=(\w+)'''
            """);

        var matches = detector.Detect(new SecretFragment("a.txt", "user=alice pass=" + Token));

        Assert.Equal(Token, matches.Single(m => m.RuleId == "second").Secret);
        Assert.Equal("alice", matches.Single(m => m.RuleId == "first-non-empty").Secret);
    }

    [Fact]
    public void Detect_EntropyAtOrBelowThreshold_IsNotReported()
    {
        var detector = Detector("""
            [[rules]]
            id = "entropic"
            regex = '''key=(\w+)'''
            entropy = 3.5
            """);

        Assert.Empty(detector.Detect(new SecretFragment("a.txt", "key=aaaabbbbccccdddd")));
        Assert.Single(detector.Detect(new SecretFragment("a.txt", "key=" + Token)));
    }

    [Theory]
    [InlineData("airlock:allow")]
    [InlineData("gitleaks:allow")]
    public void Detect_InlineAllowMarkerOnTheLine_IsNotReported(string marker)
    {
        var detector = Detector("""
            [[rules]]
            id = "t"
            regex = '''tok_[A-Za-z0-9]{32}'''
            """);

        var text = $"a = \"tok_{Token}\" # {marker}\nb = \"tok_{Token}\"\n";

        var match = Assert.Single(detector.Detect(new SecretFragment("a.txt", text)));
        Assert.Equal(2, match.Line);
    }

    [Fact]
    public void Detect_RuleAllowlistTargets_SecretMatchAndLine()
    {
        var detector = Detector("""
            [[rules]]
            id = "t"
            regex = '''(\w+)=(tok_[A-Za-z0-9]{32})'''
            secretGroup = 2
            [[rules.allowlists]]
            regexes = ['''^tok_A''']
            [[rules.allowlists]]
            regexTarget = "match"
            regexes = ['''^test_''']
            [[rules.allowlists]]
            regexTarget = "line"
            regexes = ['''^\s*#''']
            """);

        Assert.Empty(Detect(detector, "k=tok_A" + Token[1..]));
        Assert.Empty(Detect(detector, "test_k=tok_" + Token));
        Assert.Empty(Detect(detector, "  # k=tok_" + Token));
        Assert.Single(Detect(detector, "k=tok_" + Token));
    }

    [Fact]
    public void Detect_StopWordInSecret_IsNotReported()
    {
        var detector = Detector("""
            [[rules]]
            id = "t"
            regex = '''secret=(\S+)'''
            [rules.allowlist]
            stopwords = ["Sample"]
            """);

        Assert.Empty(Detect(detector, "secret=xsamplex" + Token));
        Assert.Single(Detect(detector, "secret=" + Token));
    }

    [Fact]
    public void Detect_AndAllowlist_NeedsEveryConditionSet()
    {
        var detector = Detector("""
            [[rules]]
            id = "t"
            regex = '''secret=(\S+)'''
            [[rules.allowlists]]
            condition = "AND"
            paths = ['''^test/''']
            regexes = ['''^fake''']
            """);

        Assert.Empty(detector.Detect(new SecretFragment("test/a.txt", "secret=fake" + Token)));
        Assert.Single(detector.Detect(new SecretFragment("src/a.txt", "secret=fake" + Token)));
        Assert.Single(detector.Detect(new SecretFragment("test/a.txt", "secret=" + Token)));
    }

    [Fact]
    public void Detect_GlobalAllowlistPathsAndCommits_SkipTheFragment()
    {
        var detector = Detector("""
            [allowlist]
            paths = ['''(^|/)fixtures/''']
            commits = ["abc123"]
            [[rules]]
            id = "t"
            regex = '''secret=(\S+)'''
            """);

        Assert.Empty(detector.Detect(new SecretFragment("x/fixtures/a.txt", "secret=" + Token)));
        Assert.Empty(detector.Detect(new SecretFragment("a.txt", "secret=" + Token) { Commit = "ABC123" }));
        Assert.Single(detector.Detect(new SecretFragment("a.txt", "secret=" + Token) { Commit = "def456" }));
    }

    [Fact]
    public void Detect_PathOnlyRule_ReportsTheFile()
    {
        var detector = Detector("""
            [[rules]]
            id = "keystore"
            path = '''\.p12$'''
            """);

        var match = Assert.Single(detector.Detect(new SecretFragment("certs/site.p12", "binary")));
        Assert.True(match.IsFileFinding);
        Assert.Equal("file detected: certs/site.p12", match.Match);
        Assert.Empty(detector.Detect(new SecretFragment("certs/site.pem", "binary")));
    }

    [Fact]
    public void Detect_RuleWithPathAndRegex_RunsOnlyOnMatchingPaths()
    {
        var detector = Detector("""
            [[rules]]
            id = "php-only"
            path = '''\.php$'''
            regex = '''secret=(\S+)'''
            """);

        Assert.Single(detector.Detect(new SecretFragment("web/a.php", "secret=" + Token)));
        Assert.Empty(detector.Detect(new SecretFragment("web/a.js", "secret=" + Token)));
    }

    [Fact]
    public void Detect_GenericAndSpecificRuleOnOneSecret_ReportsTheSpecificOnlyByDefault()
    {
        const string rules = """
            [[rules]]
            id = "vendor-token"
            regex = '''vnd_[A-Za-z0-9]{32}'''
            [[rules]]
            id = "generic-token"
            regex = '''token\s*=\s*"([^"]+)"'''
            """;
        var text = "token = \"vnd_" + Token + "\"";

        var preferred = Detector(rules).Detect(new SecretFragment("a.txt", text));
        var all = new SecretDetector(SecretRuleSources.LoadGitleaksText(rules, "t.toml"), new SecretDetectorOptions { PreferSpecificRules = false })
            .Detect(new SecretFragment("a.txt", text));

        Assert.Equal("vendor-token", Assert.Single(preferred).RuleId);
        Assert.Equal(2, all.Count);
    }

    [Fact]
    public void Detect_MultilineMatch_TrimsNewlinesAndReportsTheStartLine()
    {
        var detector = Detector("""
            [[rules]]
            id = "block"
            regex = '''\n?BEGIN\n[A-Za-z0-9]+\nEND\n?'''
            """);

        var match = Assert.Single(detector.Detect(new SecretFragment("a.txt", $"x\nBEGIN\n{Token}\nEND\ny")));

        Assert.Equal(2, match.Line);
        Assert.Equal($"BEGIN\n{Token}\nEND", match.Secret);
    }

    [Fact]
    public void Constructor_RegexThatDoesNotCompile_NamesRuleAndLine()
    {
        var rules = SecretRuleSources.LoadGitleaksText("""
            title = "x"

            [[rules]]
            id = "broken"
            regex = '''(unclosed'''
            """, "team.toml");

        var error = Assert.Throws<SecretRulesException>(() => new SecretDetector(rules));

        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
        Assert.Equal("team.toml", error.File);
        Assert.Equal(5, error.Line);
    }

    [Fact]
    public void Constructor_SecretGroupBeyondGroups_IsAnError()
    {
        var rules = SecretRuleSources.LoadGitleaksText("""
            [[rules]]
            id = "g"
            regex = '''a(b)'''
            secretGroup = 2
            """, "team.toml");

        var error = Assert.Throws<SecretRulesException>(() => new SecretDetector(rules));

        Assert.Contains("secretGroup 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_ManyThreads_GiveTheSameFindings()
    {
        var detector = new SecretDetector(SecretRuleSources.LoadDefault());
        var text = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"line {i} GITHUB_TOKEN=ghp_{FakeSecret.Random(FakeSecret.Alnum, 36, i)}"));

        var counts = Enumerable.Range(0, 8).AsParallel().Select(_ => detector.Detect(new SecretFragment("a.env", text)).Count).ToArray();

        Assert.All(counts, c => Assert.Equal(50, c));
    }

    private static SecretDetector Detector(string toml) => new(SecretRuleSources.LoadGitleaksText(toml, "test.toml"));

    private static IReadOnlyList<SecretMatch> Detect(SecretDetector detector, string text) => detector.Detect(new SecretFragment("a.txt", text));
}
