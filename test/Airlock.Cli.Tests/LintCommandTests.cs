using System.Text.Json;

namespace Airlock.Cli.Tests;

public sealed class LintCommandTests : IDisposable
{
    private const string Valid = """
        service:
          name: chat
          command: [dotnet, app.dll, --urls, "http://127.0.0.1:{port}"]
        verify:
          - name: empty body gets the app's own error
            request: { method: POST, path: /agent/run, body: "" }
            expect: { status: 400, body: agent.empty_body }
        strategy:
          canary:
            steps:
              - setWeight: 5
              - pause: 30s
              - approval: { name: go-to-half }
              - setWeight: 50
        analysis:
          rollback:
            - error_rate > 5% over 30s
            - p99 > 60s over 2m
        """;

    private const string Invalid = """
        service:
          name: chat
          comand: [dotnet, app.dll]
          command: [dotnet, app.dll]
        analysis:
          rollback:
            - eror_rate > 5% over 30s
            - p99 > 60 over 2m
        """;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("airlock-lint-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Lint_ValidFolder_ExitsZeroWithOneLineSummary()
    {
        Write("airlock.yaml", Valid);

        var run = await CliRun.InvokeAsync("lint", _folder.FullName);

        Assert.Equal(0, run.ExitCode);
        var line = Assert.Single(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.EndsWith(
            "airlock.yaml: ok · deploys chat (dotnet), 1 verify probe(s), canary 5% → pause 30s → approval go-to-half → 50% → promote; roll back if error_rate > 5% over 30s | p99 > 60s over 2m",
            line,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_InvalidFile_ReportsEveryErrorWithLocationAndHint()
    {
        var file = Write("deploy.yaml", Invalid);

        var run = await CliRun.InvokeAsync("lint", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Out);
        Assert.Contains("deploy.yaml:3:3: error: unknown key 'comand' in service.", run.Error, StringComparison.Ordinal);
        Assert.Contains("hint: did you mean 'command'?", run.Error, StringComparison.Ordinal);
        Assert.Contains("deploy.yaml:4:12: error: neither service.command nor service.env contains {port}", run.Error, StringComparison.Ordinal);
        Assert.Contains("deploy.yaml:7:7: error: unknown metric 'eror_rate'.", run.Error, StringComparison.Ordinal);
        Assert.Contains("hint: did you mean 'error_rate'?", run.Error, StringComparison.Ordinal);
        Assert.Contains("deploy.yaml:8:13: error: '60' needs a unit: 60s or 60ms.", run.Error, StringComparison.Ordinal);
        Assert.Contains("4 error(s) in", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_InvalidFileAsJson_WritesEveryErrorAsJson()
    {
        var file = Write("airlock.yaml", Invalid);

        var run = await CliRun.InvokeAsync("lint", file, "--json");

        Assert.Equal(2, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.False(document.RootElement.GetProperty("valid").GetBoolean());
        var errors = document.RootElement.GetProperty("errors").EnumerateArray().ToArray();
        Assert.Equal(4, errors.Length);
        Assert.Equal((7, 7, "did you mean 'error_rate'?"), (errors[2].GetProperty("line").GetInt32(), errors[2].GetProperty("column").GetInt32(), errors[2].GetProperty("hint").GetString()));
    }

    [Fact]
    public async Task Lint_ValidFileAsJson_DescribesTheDeployment()
    {
        Write("airlock.yaml", Valid);

        var run = await CliRun.InvokeAsync("lint", Path.Combine(_folder.FullName, "airlock.yaml"), "--json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var deployment = document.RootElement.GetProperty("deployment");
        Assert.Equal("chat", deployment.GetProperty("service").GetString());
        Assert.Equal(["5%", "pause 30s", "approval go-to-half", "50%"], deployment.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal("p99 > 60s over 2m", deployment.GetProperty("rollback")[1].GetString());
        Assert.Equal(Path.Combine(_folder.FullName, ".airlock", "airlock.db"), deployment.GetProperty("store").GetString());
    }

    [Fact]
    public async Task Lint_ReadinessOnlyFile_SaysThereIsNothingToDeploy()
    {
        Write("airlock.yaml", "owners: { default: \"@platform\" }\n");

        var run = await CliRun.InvokeAsync("lint", _folder.FullName);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("ok · readiness only: no 'service' section, so nothing to deploy", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_FolderWithoutAirlockYaml_IsAUsageError()
    {
        var run = await CliRun.InvokeAsync("lint", _folder.FullName);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("there is no airlock.yaml in", run.Error, StringComparison.Ordinal);
        Assert.Contains("hint:", run.Error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }
}
