using System.Globalization;
using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.CustomChecks;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.CustomChecks;

public sealed class CustomCheckTests
{
    [Fact]
    public async Task Run_NoCustomChecks_OneSkippedRowSaysSo()
    {
        using var repo = new TestRepository();

        var row = Assert.Single(await RunAsync(repo));

        Assert.Equal("custom.none", row.Id);
        Assert.Equal(CheckResult.Skipped, row.Result);
        Assert.Equal("no custom checks in airlock.yaml", row.Summary);
    }

    [Fact]
    public async Task Run_CommandExitsAsExpected_PassesWithConfiguredFields()
    {
        using var repo = new TestRepository();
        repo.Write("migrations/001.sql", "create table t (id int);");
        var check = Check("Migrations are present", "test -f migrations/001.sql") with
        {
            Severity = Severity.BlocksLaunch,
            Step = CountdownStep.Deploy,
            Owner = "dba@example.com",
            Location = new ConfigLocation(Path.Combine(repo.Root, "airlock.yaml"), 12, 5),
        };

        var row = Assert.Single(await RunAsync(repo, check));

        Assert.Equal(CheckResult.Pass, row.Result);
        Assert.Equal("custom.migrations-are-present", row.Id);
        Assert.Equal("Migrations are present", row.FailureMode);
        Assert.Contains("`test -f migrations/001.sql`", row.Test, StringComparison.Ordinal);
        Assert.Equal(Severity.BlocksLaunch, row.Severity);
        Assert.Equal(CountdownStep.Deploy, row.Step);
        Assert.Equal("dba@example.com", row.Owner);
        Assert.Equal("airlock.yaml", row.Evidence[0].File);
        Assert.Equal(12, row.Evidence[0].Line);
    }

    [Fact]
    public async Task Run_UnexpectedExitCode_FailsWithOutputTailAndDefaultFix()
    {
        using var repo = new TestRepository();
        var check = Check("Lint", "echo 'src/app.js:3 unused variable'; echo 'boom' >&2; exit 3");

        var row = Assert.Single(await RunAsync(repo, check));

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal("exited 3, expected 0", row.Summary);
        Assert.Contains(row.Evidence, e => e.Message == "stdout:\nsrc/app.js:3 unused variable");
        Assert.Contains(row.Evidence, e => e.Message == "stderr:\nboom");
        Assert.Equal("run `echo 'src/app.js:3 unused variable'; echo 'boom' >&2; exit 3` locally and fix what it reports", row.Fix);
    }

    [Fact]
    public async Task Run_ExpectedNonZeroExit_Passes()
    {
        using var repo = new TestRepository();

        var row = Assert.Single(await RunAsync(repo, Check("Debug endpoint is off", "exit 1") with { ExpectExit = 1, Fix = "remove /debug" }));

        Assert.Equal(CheckResult.Pass, row.Result);
        Assert.Equal("remove /debug", row.Fix);
    }

    [Fact]
    public async Task Run_ExpectedOutputMissing_Fails()
    {
        using var repo = new TestRepository();

        var row = Assert.Single(await RunAsync(repo, Check("Version", "echo version 1.2") with { ExpectOutput = "version 2" }));

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Contains("stdout does not contain \"version 2\"", row.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExpectedOutputEarlyInLongOutput_Passes()
    {
        using var repo = new TestRepository();
        var check = Check("Smoke", "echo READY; seq 1 200000") with { ExpectOutput = "READY" };

        var row = Assert.Single(await RunAsync(repo, check));

        Assert.Equal(CheckResult.Pass, row.Result);
        var stdout = row.Evidence.Single(e => e.Message.StartsWith("stdout", StringComparison.Ordinal)).Message;
        Assert.StartsWith("stdout (last 20 lines):", stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n200000", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CommandPastTimeout_FailsAndKillsItsChildren()
    {
        using var repo = new TestRepository();
        var check = Check("Slow", "sleep 60 & echo $! > child.pid; wait") with { Timeout = TimeSpan.FromSeconds(1) };

        var row = Assert.Single(await RunAsync(repo, check));

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal("timed out after 1s", row.Summary);
        var child = int.Parse(File.ReadAllText(Path.Combine(repo.Root, "child.pid")).Trim(), CultureInfo.InvariantCulture);
        Assert.False(IsRunning(child), $"the command's child {child} is still running");
    }

    [Fact]
    public async Task Run_SecretInOutput_IsRedactedInEvidence()
    {
        using var repo = new TestRepository();
        var check = Check("Env dump", "echo OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123; echo token: ghp_0123456789abcdefghijABCDEFGHIJ012345; exit 1");

        var row = Assert.Single(await RunAsync(repo, check));

        var stdout = row.Evidence.Single(e => e.Message.StartsWith("stdout", StringComparison.Ordinal)).Message;
        Assert.DoesNotContain("abcdefghijklmnopqrstuvwxyz", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdefghij", stdout, StringComparison.Ordinal);
        Assert.Contains("OPENAI_API_KEY=sk-p…[sha256:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BackgroundProcessHoldsOutput_StillCompletes()
    {
        using var repo = new TestRepository();

        var row = Assert.Single(await RunAsync(repo, Check("Starts a daemon", "sleep 4 & echo started")));

        Assert.Equal(CheckResult.Pass, row.Result);
    }

    [Fact]
    public async Task Run_DuplicateNames_GetUniqueRowIds()
    {
        using var repo = new TestRepository();

        var rows = await RunAsync(repo, Check("Smoke test!", "true"), Check("smoke  test", "true"));

        Assert.Equal(["custom.smoke-test", "custom.smoke-test-2"], rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Run_CommandReadingStdin_GetsEndOfFileInsteadOfHanging()
    {
        using var repo = new TestRepository();

        var row = Assert.Single(await RunAsync(repo, Check("Reads input", "cat; echo done") with { ExpectOutput = "done" }));

        Assert.Equal(CheckResult.Pass, row.Result);
    }

    private static CustomCheckConfig Check(string name, string run) => new() { Name = name, Run = run };

    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return false;
        }

        // A killed process not yet reaped by init shows as a zombie ("Z"): it is not running.
        var text = File.ReadAllText(stat);
        return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
    }

    private static async Task<IReadOnlyList<RubricRow>> RunAsync(TestRepository repo, params CustomCheckConfig[] checks) =>
        await new CustomCheck().RunAsync(repo.Context(AirlockConfig.Default with { Checks = [.. checks] }), CancellationToken.None);
}
