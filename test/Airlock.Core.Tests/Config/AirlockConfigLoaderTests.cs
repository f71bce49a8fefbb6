using Airlock.Core.Config;
using Airlock.Core.Readiness;

namespace Airlock.Core.Tests.Config;

public sealed class AirlockConfigLoaderTests
{
    [Fact]
    public void Parse_FullReadinessFile_ReadsEverySection()
    {
        const string yaml = """
            version: 1
            owners:
              default: "@platform"
              secrets: "@security"
            target:
              branch: release
              glibc: "2.31"
              lfs: true
              health: /health/ready
            environment:
              declared: [OPENAI_API_KEY, DATABASE_URL]
            thresholds:
              file_fail: 10MiB
              file_warn: 5MiB
              file_note: 1MiB
            secrets:
              rules: .gitleaks.toml
              baseline: baseline.json
              allow_paths: ['^fixtures/']
            checks:
              - name: unit tests pass
                run: dotnet test
                timeout: 5m
                expect_exit: 0
                expect_output: Passed!
                severity: blocks-launch
                step: test
                owner: "@qa"
            """;

        var config = AirlockConfigLoader.Parse(yaml, "airlock.yaml");

        Assert.Equal("@security", config.Owners.For("secrets"));
        Assert.Equal("@platform", config.Owners.For("dockerfile"));
        Assert.Equal("release", config.Target.Branch);
        Assert.Equal("2.31", config.Target.Glibc);
        Assert.True(config.Target.Lfs);
        Assert.Equal("/health/ready", config.Target.HealthEndpoint);
        Assert.Equal(["OPENAI_API_KEY", "DATABASE_URL"], config.Environment.Declared.ToArray());
        Assert.Equal(10 * 1024 * 1024, config.Thresholds.FileFailBytes);
        Assert.Equal("baseline.json", config.Secrets.Baseline);
        var check = Assert.Single(config.Checks);
        Assert.Equal(TimeSpan.FromMinutes(5), check.Timeout);
        Assert.Equal(Severity.BlocksLaunch, check.Severity);
        Assert.Equal("@qa", check.Owner);
        Assert.Equal(21, check.Location.Line);
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEveryErrorWithLineAndHint()
    {
        const string yaml = """
            ownrs:
              default: me
            target:
              lfs: maybe
            checks:
              - name: lint
                severity: fatal
            """;

        var ex = Assert.Throws<ConfigException>(() => AirlockConfigLoader.Parse(yaml, "airlock.yaml"));

        Assert.Equal(4, ex.Errors.Length);
        var unknown = ex.Errors.Single(e => e.Message.Contains("ownrs", StringComparison.Ordinal));
        Assert.Equal(1, unknown.Location.Line);
        Assert.Equal("did you mean 'owners'?", unknown.Hint);
        Assert.Contains(ex.Errors, e => e.Location.Line == 4 && e.Message.Contains("true or false", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Location.Line == 7 && e.Hint!.Contains("blocks-launch", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Message.Contains("'run'", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_InvalidYaml_ReportsLine()
    {
        var ex = Assert.Throws<ConfigException>(() => AirlockConfigLoader.Parse("target:\n  branch: [main\n", "airlock.yaml"));

        Assert.Equal(3, Assert.Single(ex.Errors).Location.Line);
    }

    [Fact]
    public void Parse_EmptyFile_ReturnsDefaults()
    {
        var config = AirlockConfigLoader.Parse(string.Empty, "airlock.yaml");

        Assert.Equal(TargetConfig.DefaultGlibc, config.Target.Glibc);
        Assert.Empty(config.Checks);
    }

    [Fact]
    public void LoadFromDirectory_NoFile_ReturnsDefaults()
    {
        var config = AirlockConfigLoader.LoadFromDirectory(Path.GetTempPath());

        Assert.Same(AirlockConfig.Default, config);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("500ms", 0.5)]
    public void TryParseDuration_ValidText_ReturnsSeconds(string text, double seconds)
    {
        Assert.True(ConfigQuantities.TryParseDuration(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("50MiB", 52428800)]
    [InlineData("50MB", 50000000)]
    [InlineData("1024", 1024)]
    public void TryParseSize_ValidText_ReturnsBytes(string text, long bytes)
    {
        Assert.True(ConfigQuantities.TryParseSize(text, out var parsed));
        Assert.Equal(bytes, parsed);
    }

    [Fact]
    public void TryParseSize_UnknownUnit_Fails()
    {
        Assert.False(ConfigQuantities.TryParseSize("5 parsecs", out _));
    }
}
