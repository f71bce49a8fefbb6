using System.Text.Json;
using Airlock.Core.Config;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.Secrets;

namespace Airlock.Readiness.Tests.Secrets;

public class SecretsCheckTests
{
    [Fact]
    public async Task RunAsync_SecretAddedThenDeleted_FailsHistoryWithTheAddingCommitAndLine()
    {
        using var repo = new TestRepository();
        var key = TestSecrets.OpenAiKey(1);
        repo.Write("app/settings.py", $"DEBUG = True\nNAME = 'demo'\nOPENAI_API_KEY = '{key}'\n");
        var added = repo.Commit("add settings");
        repo.Write("app/settings.py", "DEBUG = True\nNAME = 'demo'\nOPENAI_API_KEY = os.environ['OPENAI_API_KEY']\n");
        repo.Commit("read the key from the environment");

        var rows = await RunAsync(repo.Context());

        var history = Row(rows, "secrets.history");
        Assert.Equal(CheckResult.Fail, history.Result);
        var evidence = Assert.Single(history.Evidence);
        Assert.Equal("app/settings.py", evidence.File);
        Assert.Equal(3, evidence.Line);
        Assert.Equal(added, evidence.Commit);
        Assert.Equal("openai-api-key", evidence.RuleId);
        Assert.StartsWith("sk-p", evidence.RedactedValue, StringComparison.Ordinal);
        Assert.Equal(CheckResult.Pass, Row(rows, "secrets.working-tree").Result);
        AssertNowhere(rows, key);
    }

    [Fact]
    public async Task RunAsync_SecretsOnlyOnAnotherBranchAndATag_AreFound()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "demo\n");
        repo.Commit("init");
        repo.Git("checkout", "-q", "-b", "experiment");
        repo.Write("branch.env", $"KEY={TestSecrets.OpenAiKey(2)}\n");
        var onBranch = repo.Commit("try a key");
        repo.Git("checkout", "-q", "--detach", "main");
        repo.Write("tag.env", $"KEY={TestSecrets.OpenAiKey(3)}\n");
        var tagged = repo.Commit("tagged");
        repo.Git("tag", "release-candidate");
        repo.Git("checkout", "-q", "main");

        var history = Row(await RunAsync(repo.Context()), "secrets.history");

        Assert.Contains(history.Evidence, e => e.File == "branch.env" && e.Commit == onBranch);
        Assert.Contains(history.Evidence, e => e.File == "tag.env" && e.Commit == tagged);
    }

    [Fact]
    public async Task RunAsync_UntrackedFiles_ScansThoseNotIgnored()
    {
        using var repo = new TestRepository();
        repo.Write(".gitignore", "secrets.local\n");
        repo.Commit("ignore local secrets");
        repo.Write("notes.txt", $"temporary {TestSecrets.OpenAiKey(4)}\n");
        repo.Write("secrets.local", $"kept out of git {TestSecrets.OpenAiKey(5)}\n");

        var rows = await RunAsync(repo.Context());

        var tree = Row(rows, "secrets.working-tree");
        Assert.Equal(CheckResult.Fail, tree.Result);
        var evidence = Assert.Single(tree.Evidence);
        Assert.Equal("notes.txt", evidence.File);
        Assert.Equal(1, evidence.Line);
        Assert.Null(evidence.Commit);
        Assert.Equal(CheckResult.Pass, Row(rows, "secrets.history").Result);
    }

    [Fact]
    public async Task RunAsync_BaselineListsOneFinding_SuppressesExactlyThatOne()
    {
        using var repo = new TestRepository();
        repo.Write("a.env", $"KEY={TestSecrets.OpenAiKey(6)}\n");
        repo.Write("b.env", $"KEY={TestSecrets.OpenAiKey(7)}\n");
        repo.Commit("two keys");
        var before = Row(await RunAsync(repo.Context()), "secrets.history");
        var accepted = Assert.Single(before.Evidence, e => e.File == "a.env");
        repo.Write(".airlock/secrets-baseline.json", $$"""
            {
              "version": 1,
              "findings": [
                { "fingerprint": "{{accepted.Fingerprint}}", "rule": "openai-api-key", "file": "a.env", "reason": "revoked test key" }
              ]
            }
            """);

        var after = Row(await RunAsync(repo.Context()), "secrets.history");

        Assert.Equal(CheckResult.Fail, after.Result);
        Assert.Equal("b.env", Assert.Single(after.Evidence).File);
        Assert.Contains("1 accepted by baseline", after.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateBaselineAsync_AcceptsCurrentFindings_ThenCheckPassesAndAKeptReasonSurvives()
    {
        using var repo = new TestRepository();
        repo.Write("a.env", $"KEY={TestSecrets.OpenAiKey(8)}\n");
        repo.Commit("key");
        repo.Write("untracked.env", $"KEY={TestSecrets.OpenAiKey(9)}\n");
        var context = repo.Context();

        var first = await SecretsCheck.UpdateBaselineAsync(context, "legacy keys, revoked", CancellationToken.None);
        repo.Write("b.env", $"KEY={TestSecrets.OpenAiKey(10)}\n");
        var second = await SecretsCheck.UpdateBaselineAsync(context, null, CancellationToken.None);

        Assert.Equal((2, 0, 0), (first.Added, first.Kept, first.Removed));
        Assert.Equal((1, 2, 0), (second.Added, second.Kept, second.Removed));
        var text = await File.ReadAllTextAsync(Path.Combine(repo.Root, ".airlock", "secrets-baseline.json"));
        Assert.Equal(2, text.Split("legacy keys, revoked").Length - 1);
        Assert.Contains("accepted with airlock check --update-baseline on", text, StringComparison.Ordinal);
        var rows = await RunAsync(context);
        Assert.All(rows, r => Assert.Equal(CheckResult.Pass, r.Result));
        Assert.DoesNotContain(TestSecrets.OpenAiKey(8), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LinesAddedAboveACommittedSecret_KeepsTheFingerprint()
    {
        using var repo = new TestRepository();
        var key = TestSecrets.OpenAiKey(11);
        repo.Write("config.ini", $"[api]\nkey = {key}\n");
        repo.Commit("key");
        var before = Assert.Single(Row(await RunAsync(repo.Context()), "secrets.history").Evidence);
        repo.Write("config.ini", $"; header\n; more header\n[api]\nkey = {key}\n");
        repo.Commit("header");
        repo.Write("config.ini", $"; header\n; more header\n; uncommitted\n[api]\nkey = {key}\n");

        var rows = await RunAsync(repo.Context());

        var after = Assert.Single(Row(rows, "secrets.history").Evidence);
        Assert.Equal(before.Fingerprint, after.Fingerprint);
        Assert.Contains("still in the working tree at line 5", after.Message, StringComparison.Ordinal);
        Assert.Empty(Row(rows, "secrets.working-tree").Evidence);
    }

    [Fact]
    public async Task RunAsync_SecretInsertedBetweenOtherEdits_ReportsItsLineInThatCommit()
    {
        using var repo = new TestRepository();
        var lines = Enumerable.Range(1, 30).Select(i => $"setting_{i} = {i}").ToList();
        repo.Write("app.conf", string.Join('\n', lines) + "\n");
        repo.Commit("init");
        lines[1] = "setting_2 = changed";
        lines.Insert(14, $"api_key = {TestSecrets.OpenAiKey(12)}");
        lines[25] = "setting_25 = changed";
        repo.Write("app.conf", string.Join('\n', lines) + "\n");
        repo.Commit("three hunks");

        var evidence = Assert.Single(Row(await RunAsync(repo.Context()), "secrets.history").Evidence);

        Assert.Equal(15, evidence.Line);
    }

    [Fact]
    public async Task RunAsync_GitleaksTomlAtTheRoot_IsUsedInsteadOfTheDefaults()
    {
        using var repo = new TestRepository();
        repo.Write(".gitleaks.toml", TestSecrets.CustomRules);
        repo.Write("deploy.sh", $"export TOKEN={TestSecrets.CustomToken(13)}\n");
        repo.Commit("custom token");

        var history = Row(await RunAsync(repo.Context()), "secrets.history");

        Assert.Contains("1 rules (.gitleaks.toml, auto-detected)", history.Test, StringComparison.Ordinal);
        var evidence = Assert.Single(history.Evidence);
        Assert.Equal("airlock-test-token", evidence.RuleId);
        Assert.Equal("deploy.sh", evidence.File);
    }

    [Fact]
    public async Task RunAsync_RulesFileGiven_TakesPrecedenceOverTheRepositoryFile()
    {
        using var repo = new TestRepository();
        repo.Write(".gitleaks.toml", "title = \"no rules\"\n");
        repo.Write("deploy.sh", $"export TOKEN={TestSecrets.CustomToken(14)}\n");
        repo.Commit("custom token");
        var rulesFile = Path.Combine(Path.GetTempPath(), $"airlock-rules-{Guid.NewGuid():N}.toml");
        await File.WriteAllTextAsync(rulesFile, TestSecrets.CustomRules);
        try
        {
            var history = Row(await RunAsync(With(repo, rulesFile: rulesFile)), "secrets.history");

            Assert.Equal("airlock-test-token", Assert.Single(history.Evidence).RuleId);
        }
        finally
        {
            File.Delete(rulesFile);
        }
    }

    [Fact]
    public async Task RunAsync_AllowPaths_NeverScansMatchingFiles()
    {
        using var repo = new TestRepository();
        repo.Write("fixtures/fake.env", $"KEY={TestSecrets.OpenAiKey(15)}\n");
        repo.Write("src/real.env", $"KEY={TestSecrets.OpenAiKey(16)}\n");
        repo.Commit("keys");
        var config = AirlockConfig.Default with { Secrets = new SecretsConfig { AllowPaths = ["^fixtures/"] } };

        var history = Row(await RunAsync(repo.Context(config)), "secrets.history");

        Assert.Equal("src/real.env", Assert.Single(history.Evidence).File);
    }

    [Fact]
    public async Task RunAsync_InvalidAllowPath_IsAConfigError()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "a\n");
        repo.Commit();
        var config = AirlockConfig.Default with { SourcePath = "airlock.yaml", Secrets = new SecretsConfig { AllowPaths = ["fine", "(unclosed"] } };

        var error = await Assert.ThrowsAsync<SecretsConfigException>(() => RunAsync(repo.Context(config)));

        Assert.Contains("secrets.allowPaths[1]", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("airlock.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MalformedBaseline_IsAConfigErrorWithFileAndLine()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "a\n");
        repo.Commit();
        repo.Write(".airlock/secrets-baseline.json", "{\n  \"version\": 1,\n  \"findings\": [\n    { \"fingerprint\": \"abc\" \"rule\": \"x\" }\n  ]\n}\n");

        var error = await Assert.ThrowsAsync<SecretsConfigException>(() => RunAsync(repo.Context()));

        Assert.NotNull(error.Location);
        Assert.EndsWith("secrets-baseline.json", error.Location.Value.File, StringComparison.Ordinal);
        Assert.Equal(4, error.Location.Value.Line);
    }

    [Fact]
    public async Task RunAsync_BaselineFileOption_OverridesTheConfiguredPath()
    {
        using var repo = new TestRepository();
        repo.Write("a.env", $"KEY={TestSecrets.OpenAiKey(17)}\n");
        repo.Commit("key");
        var elsewhere = Path.Combine(repo.Root, "ci", "accepted.json");
        await SecretsCheck.UpdateBaselineAsync(With(repo, baselineFile: elsewhere), null, CancellationToken.None);

        var withOption = await RunAsync(With(repo, baselineFile: elsewhere));
        var without = await RunAsync(repo.Context());

        Assert.Equal(CheckResult.Pass, Row(withOption, "secrets.history").Result);
        Assert.Equal(CheckResult.Fail, Row(without, "secrets.history").Result);
        Assert.False(File.Exists(Path.Combine(repo.Root, ".airlock", "secrets-baseline.json")));
    }

    [Fact]
    public async Task RunAsync_NoCommitsYet_SkipsHistoryAndScansTheWorkingTree()
    {
        using var repo = new TestRepository();
        repo.Write("draft.py", $"KEY = '{TestSecrets.OpenAiKey(18)}'\n");

        var rows = await RunAsync(repo.Context());

        Assert.Equal(CheckResult.Skipped, Row(rows, "secrets.history").Result);
        Assert.Contains("no commits", Row(rows, "secrets.history").Summary, StringComparison.Ordinal);
        Assert.Equal(CheckResult.Fail, Row(rows, "secrets.working-tree").Result);
    }

    [Fact]
    public async Task RunAsync_NotAGitRepository_SkipsBothRowsWithTheReason()
    {
        var folder = Directory.CreateTempSubdirectory("airlock-not-git-");
        try
        {
            var context = new CheckContext { RepositoryRoot = folder.FullName, Config = AirlockConfig.Default, Git = new Git.GitRepository(folder.FullName) };

            var rows = await RunAsync(context);

            Assert.All(rows, r => Assert.Equal(CheckResult.Skipped, r.Result));
            Assert.All(rows, r => Assert.Contains("not a git repository", r.Summary, StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_EveryRow_CarriesTheContractFields()
    {
        using var repo = new TestRepository();
        repo.Write("a.txt", "a\n");
        repo.Commit();

        var rows = await RunAsync(repo.Context());

        Assert.Equal(["secrets.history", "secrets.working-tree"], rows.Select(r => r.Id));
        Assert.All(rows, r =>
        {
            Assert.Equal("secrets", r.CheckId);
            Assert.Equal(Core.Readiness.Severity.BlocksLaunch, r.Severity);
            Assert.Equal(Core.Readiness.CountdownStep.SetSecret, r.Step);
            Assert.Null(r.Owner);
            Assert.False(string.IsNullOrWhiteSpace(r.Fix));
        });
        Assert.Contains("git log --all --patch --unified=0", rows[0].Test, StringComparison.Ordinal);
        Assert.Contains("(1 commits)", rows[0].Test, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BinaryAndOversizedWorkingTreeFiles_AreSkippedAndTheOversizedOneListed()
    {
        using var repo = new TestRepository();
        repo.Write(".gitignore", "*.bin\n!keep.bin\n");
        repo.Commit("init");
        repo.WriteBytes("keep.bin", [0, 1, 2, .. System.Text.Encoding.ASCII.GetBytes($"KEY={TestSecrets.OpenAiKey(19)}\n")]);
        repo.Write("dump.sql", new string('x', (int)Readiness.Secrets.WorkingTree.WorkingTreeScanner.MaxFileBytes + 10) + $"\nKEY={TestSecrets.OpenAiKey(20)}\n");

        var tree = Row(await RunAsync(repo.Context()), "secrets.working-tree");

        Assert.Equal(CheckResult.Pass, tree.Result);
        var skipped = Assert.Single(tree.Evidence);
        Assert.Equal("dump.sql", skipped.File);
        Assert.StartsWith("not scanned:", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("1 file not scanned", tree.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Progress_ReportsCommitsUpToTheTotal()
    {
        using var repo = new TestRepository();
        for (var i = 0; i < 4; i++)
        {
            repo.Write($"f{i}.txt", $"{i}\n");
            repo.Commit();
        }

        repo.Delete("f0.txt");
        repo.Commit("deletion only: absent from git's patch output, still a visited commit");
        var reports = new List<CheckProgress>();
        var context = new CheckContext
        {
            RepositoryRoot = repo.Root,
            Config = AirlockConfig.Default,
            Git = repo.Repository,
            Progress = new SynchronousProgress(reports.Add),
        };

        await RunAsync(context);

        var history = reports.Where(r => r.Unit == "commits").ToList();
        Assert.NotEmpty(history);
        Assert.All(history, r => Assert.Equal(5, r.Total));
        Assert.Equal(5, history[^1].Done);
        Assert.All(reports, r => Assert.Equal("secrets", r.CheckId));
    }

    private static async Task<IReadOnlyList<RubricRow>> RunAsync(CheckContext context) =>
        await new SecretsCheck().RunAsync(context, CancellationToken.None);

    private static RubricRow Row(IReadOnlyList<RubricRow> rows, string id) => Assert.Single(rows, r => r.Id == id);

    private static CheckContext With(TestRepository repo, string? rulesFile = null, string? baselineFile = null) => new()
    {
        RepositoryRoot = repo.Root,
        Config = AirlockConfig.Default,
        Git = repo.Repository,
        RulesFile = rulesFile,
        BaselineFile = baselineFile,
    };

    private static void AssertNowhere(IReadOnlyList<RubricRow> rows, string secret)
    {
        var json = JsonSerializer.Serialize(rows);
        Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[8..24], json, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(Action<CheckProgress> report) : IProgress<CheckProgress>
    {
        private readonly Lock _gate = new();

        public void Report(CheckProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
