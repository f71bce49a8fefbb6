using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;
using Airlock.Readiness.SensitiveFiles;

namespace Airlock.Readiness.Tests.SensitiveFiles;

public sealed class SensitiveFilesCheckTests
{
    private const string PrivateKey = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
    private const string Certificate = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----\n";

    [Fact]
    public async Task Run_TrackedEnvFile_FailsTreeAndHistoryAsBlocksLaunch()
    {
        using var repo = new TestRepository();
        var commit = repo.Write("app/.env", "OPENAI_API_KEY=sk-123\n").Commit();

        var rows = await RunAsync(repo);

        var tree = rows.Single(r => r.Id == "sensitive-files.tree");
        Assert.Equal(CheckResult.Fail, tree.Result);
        Assert.Equal(Severity.BlocksLaunch, tree.Severity);
        Assert.Equal(CountdownStep.SetSecret, tree.Step);
        Assert.Equal("app/.env", Assert.Single(tree.Evidence).File);
        var history = rows.Single(r => r.Id == "sensitive-files.history");
        Assert.Equal(CheckResult.Fail, history.Result);
        Assert.Equal(commit, Assert.Single(history.Evidence).Commit);
        Assert.All(rows, r => Assert.DoesNotContain("sk-123", r.Summary + string.Join(' ', r.Evidence), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_OnlyTemplates_Passes()
    {
        using var repo = new TestRepository();
        repo.Write(".env.example", "KEY=").Write(".env.sample", "KEY=").Write(".env.template", "KEY=")
            .Write("config/secrets.example.json", "{}").Write("config/credentials.yml.enc", "encrypted").Commit();

        var rows = await RunAsync(repo);

        Assert.All(rows, r => Assert.Equal(CheckResult.Pass, r.Result));
    }

    [Fact]
    public async Task Run_EnvFileDeletedLater_FailsHistoryOnlyWithFirstCommit()
    {
        using var repo = new TestRepository();
        var added = repo.Write(".env.production", "DB_PASSWORD=x\n").Commit();
        repo.Write(".env.production", "DB_PASSWORD=y\n").Commit();
        repo.Delete(".env.production").Write(".gitignore", ".env*\n").Commit();

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Pass, rows.Single(r => r.Id == "sensitive-files.tree").Result);
        var history = rows.Single(r => r.Id == "sensitive-files.history");
        Assert.Equal(CheckResult.Fail, history.Result);
        var evidence = Assert.Single(history.Evidence);
        Assert.Equal(".env.production", evidence.File);
        Assert.Equal(added, evidence.Commit);
        Assert.Contains("no longer tracked", evidence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UntrackedEnvNotIgnored_WarnsTree()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "hi").Commit();
        repo.Write(".env", "KEY=value");

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Warn, rows.Single(r => r.Id == "sensitive-files.tree").Result);
        Assert.Equal(CheckResult.Pass, rows.Single(r => r.Id == "sensitive-files.history").Result);
    }

    [Fact]
    public async Task Run_IgnoredEnv_Passes()
    {
        using var repo = new TestRepository();
        repo.Write(".gitignore", ".env\n").Commit();
        repo.Write(".env", "KEY=value");

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Pass, rows.Single(r => r.Id == "sensitive-files.tree").Result);
    }

    [Fact]
    public async Task Run_PemCertificateVersusPemPrivateKey_FlagsOnlyTheKey()
    {
        using var repo = new TestRepository();
        repo.Write("certs/server.pem", Certificate).Write("certs/server-key.pem", PrivateKey).Commit();

        var rows = await RunAsync(repo);

        foreach (var row in rows)
        {
            Assert.Equal(CheckResult.Fail, row.Result);
            Assert.Equal("certs/server-key.pem", Assert.Single(row.Evidence).File);
            Assert.Equal("private-key", row.Evidence[0].RuleId);
        }
    }

    [Fact]
    public async Task Run_PemThatHeldKeyInAnOldVersion_FailsHistory()
    {
        using var repo = new TestRepository();
        var leaked = repo.Write("tls.pem", PrivateKey).Commit();
        repo.Write("tls.pem", Certificate).Commit();

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Pass, rows.Single(r => r.Id == "sensitive-files.tree").Result);
        Assert.Equal(leaked, Assert.Single(rows.Single(r => r.Id == "sensitive-files.history").Evidence).Commit);
    }

    [Theory]
    [InlineData(".git-credentials", "credential-store", Severity.BlocksLaunch)]
    [InlineData("home/.netrc", "credential-store", Severity.BlocksLaunch)]
    [InlineData(".pgpass", "credential-store", Severity.BlocksLaunch)]
    [InlineData("deploy/id_ed25519", "private-key", Severity.BlocksLaunch)]
    [InlineData("config/master.key", "private-key", Severity.BlocksLaunch)]
    [InlineData("prod.env", "environment-file", Severity.BlocksLaunch)]
    [InlineData(".aws/credentials", "credentials-file", Severity.DegradesIt)]
    [InlineData("k8s/secrets.yaml", "credentials-file", Severity.DegradesIt)]
    [InlineData("android/release.keystore", "keystore", Severity.DegradesIt)]
    [InlineData("certs/site.pfx", "keystore", Severity.DegradesIt)]
    public async Task Run_SensitiveKind_FailsWithKindSeverity(string path, string rule, Severity severity)
    {
        using var repo = new TestRepository();
        repo.Write(path, "content").Commit();

        var tree = (await RunAsync(repo)).Single(r => r.Id == "sensitive-files.tree");

        Assert.Equal(CheckResult.Fail, tree.Result);
        Assert.Equal(severity, tree.Severity);
        Assert.Equal(rule, Assert.Single(tree.Evidence).RuleId);
    }

    [Theory]
    [InlineData("id_rsa.pub")]
    [InlineData("src/secrets.ts")]
    [InlineData("android/debug.keystore")]
    [InlineData(".envrc")]
    [InlineData("environment.ts")]
    public async Task Run_LookAlikeName_Passes(string path)
    {
        using var repo = new TestRepository();
        repo.Write(path, "content").Commit();

        var rows = await RunAsync(repo);

        Assert.All(rows, r => Assert.Equal(CheckResult.Pass, r.Result));
    }

    [Fact]
    public async Task Run_PathInSecretsAllowPaths_IsNotReported()
    {
        using var repo = new TestRepository();
        repo.Write("test/fixtures/id_rsa", PrivateKey).Commit();
        var config = new AirlockConfig { Secrets = new SecretsConfig { AllowPaths = ["^test/fixtures/", "([bad"] } };

        var rows = await RunAsync(repo, config);

        Assert.All(rows, r => Assert.Equal(CheckResult.Pass, r.Result));
        Assert.Contains(rows[0].Evidence, e => e.Message.Contains("([bad", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_PlainFolder_ScansTreeAndSkipsHistory()
    {
        var root = Path.Combine(Path.GetTempPath(), "airlock-plain-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, ".env"), "KEY=v");
            var context = new CheckContext { RepositoryRoot = root, Config = AirlockConfig.Default, Git = new(root) };

            var rows = await new SensitiveFilesCheck().RunAsync(context, CancellationToken.None);

            Assert.Equal(CheckResult.Warn, rows.Single(r => r.Id == "sensitive-files.tree").Result);
            var history = rows.Single(r => r.Id == "sensitive-files.history");
            Assert.Equal(CheckResult.Skipped, history.Result);
            Assert.Contains("Not a git repository", history.Summary, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<RubricRow>> RunAsync(TestRepository repo, AirlockConfig? config = null)
    {
        var rows = await new SensitiveFilesCheck().RunAsync(repo.Context(config), CancellationToken.None);
        Assert.All(rows, r => Assert.Equal("sensitive-files", r.CheckId));
        Assert.All(rows, r => Assert.Null(r.Owner));
        return rows;
    }
}
