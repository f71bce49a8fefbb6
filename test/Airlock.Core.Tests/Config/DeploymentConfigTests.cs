using Airlock.Core.Config;
using Airlock.Core.Deployment;

namespace Airlock.Core.Tests.Config;

public sealed class DeploymentConfigTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "airlock-app");

    private const string Full = """
        service:
          name: chat
          command: [dotnet, samples/ChatAgent/bin/Release/net10.0/ChatAgent.dll, --urls, "http://127.0.0.1:{port}"]
          workingDir: .
          env: { Agent__Revision: "{revision}" }
          health: { path: /health/ready, timeout: 60s, interval: 500ms }
          stopGrace: 10s
          logs: .airlock/logs
        route:
          listen: http://127.0.0.1:8080
          admin: http://127.0.0.1:9090
          userKey: { header: X-User-Id, cookie: airlock_uid }
          conversation: { header: X-Conversation-Id }
        verify:
          - name: known-bad input gets the app's own error
            request: { method: POST, path: /agent/run, headers: { content-type: application/json }, body: "" }
            expect: { status: 400, body: agent.empty_body }
          - name: version answers
            request: { path: /version }
            expect: { json: { path: build.commit, equals: abc } }
            timeout: 2s
        strategy:
          canary:
            steps:
              - setWeight: 5
              - pause: 30s
              - setWeight: 25
              - pause: 30s
              - approval: { name: go-to-half }
              - setWeight: 50
              - pause: 30s
        analysis:
          interval: 1s
          minSamples: 30
          rollback:
            - error_rate > 5% over 30s
            - p99 > 60s over 2m
            - cost_per_request > 1.5x stable over 5m
            - new_error_type > 0.1% over 2m
          warn:
            - p95 > 2x stable over 2m
          prometheus: { url: http://127.0.0.1:9091 }
        keepWarm: 5m
        webhooks:
          - { url: http://127.0.0.1:9000/hook, events: [started, step, paused, promoted, rolled_back, aborted] }
        store: .airlock/airlock.db
        """;

    [Fact]
    public void Parse_ContractExample_ReadsEveryDeploymentSection()
    {
        var spec = AirlockConfigLoader.Parse(Full, "airlock.yaml", Base).Deployment;

        Assert.NotNull(spec);
        Assert.Equal("chat", spec.Service.Name);
        Assert.Equal(["dotnet", "samples/ChatAgent/bin/Release/net10.0/ChatAgent.dll", "--urls", "http://127.0.0.1:{port}"], spec.Service.Command.ToArray());
        Assert.Equal(Base, spec.Service.WorkingDirectory);
        Assert.Equal("{revision}", spec.Service.Environment["Agent__Revision"]);
        Assert.Equal(new HealthSpec { Path = "/health/ready", Timeout = TimeSpan.FromSeconds(60), Interval = TimeSpan.FromMilliseconds(500) }, spec.Service.Health);
        Assert.Equal(TimeSpan.FromSeconds(10), spec.Service.StopGrace);
        Assert.Equal(Path.Combine(Base, ".airlock", "logs"), spec.Service.LogDirectory);

        Assert.Equal(new Uri("http://127.0.0.1:9090"), spec.Route.Admin);
        Assert.Equal("X-User-Id", spec.Route.UserKeyHeader);
        Assert.Equal("airlock_uid", spec.Route.UserKeyCookie);
        Assert.Equal("X-Conversation-Id", spec.Route.ConversationHeader);

        Assert.Equal(2, spec.Verify.Length);
        var bad = spec.Verify[0];
        Assert.Equal(("POST", "/agent/run", "", 400, "agent.empty_body"), (bad.Method, bad.Path, bad.Body, bad.ExpectStatus, bad.ExpectBody));
        Assert.Equal("application/json", bad.Headers["Content-Type"]);
        Assert.Equal(15, bad.Source.Line);
        var version = spec.Verify[1];
        Assert.Equal(("GET", null, 200, "build.commit", "abc", TimeSpan.FromSeconds(2)), (version.Method, version.Body, version.ExpectStatus, version.ExpectJsonPath, version.ExpectJsonEquals, version.Timeout));

        Assert.Equal(StrategyKind.Canary, spec.Strategy.Kind);
        Assert.Equal(7, spec.Strategy.Steps.Length);
        Assert.Equal(new RolloutStepSpec.Approval("go-to-half"), spec.Strategy.Steps[4]);
        Assert.Equal(new RolloutStepSpec.SetWeight(50), spec.Strategy.Steps[5]);

        Assert.Equal(4, spec.Analysis.Rollback.Length);
        Assert.Equal("cost_per_request > 1.5x stable over 5m", spec.Analysis.Rollback[2].Text);
        Assert.Equal(new ConfigLocation("airlock.yaml", 38, 7), spec.Analysis.Rollback[2].Source);
        Assert.Equal(ConditionMetric.LatencyP95, Assert.Single(spec.Analysis.Warn).Metric);
        Assert.Equal(new Uri("http://127.0.0.1:9091"), spec.Analysis.PrometheusUrl);
        Assert.Equal(TimeSpan.FromMinutes(5), spec.KeepWarm);
        var hook = Assert.Single(spec.Webhooks);
        Assert.Equal(new Uri("http://127.0.0.1:9000/hook"), hook.Url);
        Assert.Equal(6, hook.Events.Length);
        Assert.Equal(Path.Combine(Base, ".airlock", "airlock.db"), spec.StorePath);
    }

    [Fact]
    public void Parse_NoServiceSection_HasNoDeployment()
    {
        var config = AirlockConfigLoader.Parse("owners: { default: me }", "airlock.yaml", Base);

        Assert.Null(config.Deployment);
    }

    [Fact]
    public void Parse_MinimalService_GetsTheDocumentedDefaults()
    {
        const string yaml = """
            service:
              name: chat
              command: [./app]
              env: { PORT: "{port}" }
            """;

        var spec = AirlockConfigLoader.Parse(yaml, "airlock.yaml", Base).Deployment!;

        Assert.Equal(StrategySpec.Default, spec.Strategy);
        Assert.Equal(AnalysisSpec.DefaultRollback, spec.Analysis.Rollback);
        Assert.Equal(new RouteSpec(), spec.Route);
        Assert.Empty(spec.Verify);
        Assert.Equal(Path.Combine(Base, ".airlock", "airlock.db"), spec.StorePath);
        Assert.Equal(Path.Combine(Base, ".airlock", "logs"), spec.Service.LogDirectory);
    }

    [Fact]
    public void Parse_DeploymentSectionsWithoutService_SaysThereIsNothingToDeploy()
    {
        const string yaml = """
            strategy:
              blueGreen: { preview: 1m }
            """;

        var ex = Assert.Throws<ConfigException>(() => AirlockConfigLoader.Parse(yaml, "airlock.yaml", Base));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(2, error.Location.Line);
        Assert.Contains("no 'service' section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsEveryOneWithItsLineAndHint()
    {
        const string yaml = """
            service:
              name: Chat App
              comand: [dotnet, app.dll]
              command: [dotnet, app.dll, --urls, "http://127.0.0.1:{prot}"]
              health: { path: health, interval: 2m, timeout: 1m }
            route:
              admin: http://0.0.0.0:9090
              listen: ftp://127.0.0.1:8080
            verify:
              - name: bad input
                request: { method: PSOT, path: /agent/run }
                expect: { status: 700, json: { path: code } }
            strategy:
              canary:
                steps:
                  - setWeight: 50
                  - setWeight: 10
                  - pase: 30s
                  - setWeight: 101
            analysis:
              rollback:
                - eror_rate > 5% over 30s
                - "p99 > 60 over 2m"
            keepWarm: soon
            webhooks:
              - { url: ftp://hooks.example/x, events: [promotd] }
            """;

        var ex = Assert.Throws<ConfigException>(() => AirlockConfigLoader.Parse(yaml, "airlock.yaml", Base));
        var errors = ex.Errors.Select(e => $"{e.Location.Line}:{e.Location.Column} {e.Message} | {e.Hint}").ToArray();

        Assert.Contains(errors, e => e.StartsWith("2:9 'service.name' must be lower-case", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("3:3 unknown key 'comand' in service.", StringComparison.Ordinal) && e.EndsWith("did you mean 'command'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("4:", StringComparison.Ordinal) && e.Contains("unknown placeholder '{prot}'", StringComparison.Ordinal) && e.EndsWith("did you mean '{port}'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("4:12 neither service.command nor service.env contains {port}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("5:", StringComparison.Ordinal) && e.Contains("'service.health.path' must be a path", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("5:", StringComparison.Ordinal) && e.Contains("interval (2m) must be shorter than its timeout (1m)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("7:10 'route.admin' must be on loopback", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("8:11 'route.listen' must be an http:// or https:// URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("11:", StringComparison.Ordinal) && e.Contains("unknown HTTP method 'PSOT'", StringComparison.Ordinal) && e.EndsWith("did you mean 'POST'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("12:", StringComparison.Ordinal) && e.Contains("HTTP status 100-599, not 700", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("12:", StringComparison.Ordinal) && e.Contains("needs both 'path' and 'equals'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("17:", StringComparison.Ordinal) && e.Contains("setWeight 10 lowers the weight from 50", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("18:", StringComparison.Ordinal) && e.Contains("unknown step 'pase'", StringComparison.Ordinal) && e.EndsWith("did you mean 'pause'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("19:", StringComparison.Ordinal) && e.Contains("percentage 0-100, not 101", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("22:7 unknown metric 'eror_rate'.", StringComparison.Ordinal) && e.EndsWith("did you mean 'error_rate'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("23:14 '60' needs a unit: 60s or 60ms.", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("24:11 'keepWarm' must be a duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("26:", StringComparison.Ordinal) && e.Contains("'webhooks[].url' must be an http:// or https:// URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("26:", StringComparison.Ordinal) && e.Contains("unknown webhook event 'promotd'", StringComparison.Ordinal) && e.EndsWith("did you mean 'promoted'?", StringComparison.Ordinal));
        Assert.Equal(19, errors.Length);
    }

    [Theory]
    [InlineData("command: \"dotnet app.dll\"", "must be a list")]
    [InlineData("command: []", "'service.command' is empty.")]
    [InlineData("command: [./app]", "neither service.command nor service.env contains {port}")]
    public void Parse_BadCommand_IsAnError(string commandLine, string message)
    {
        var yaml = $"service:\n  name: chat\n  {commandLine}\n";

        var ex = Assert.Throws<ConfigException>(() => AirlockConfigLoader.Parse(yaml, "airlock.yaml", Base));

        Assert.Contains(ex.Errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Location.Line == 3);
    }

    [Theory]
    [InlineData("strategy: { canary: { steps: [ { pause: 30s }, { approval: { name: a } } ] } }", "no step sends the candidate any traffic")]
    [InlineData("strategy: { canary: { steps: [ { setWeight: 5 }, { approval: { name: a } }, { approval: { name: a } } ] } }", "two approval steps are named 'a'")]
    [InlineData("strategy: { canary: { steps: [] } }", "non-empty list of steps")]
    [InlineData("strategy: { canary: { steps: [ { setWeight: 5, pause: 1s } ] } }", "exactly one key")]
    [InlineData("strategy: { canary: { steps: [ { setWeight: 5 } ] }, blueGreen: { preview: 1m } }", "both canary and blueGreen")]
    [InlineData("strategy: {}", "names no strategy")]
    [InlineData("analysis: { rollback: [] }", "nothing would ever roll a candidate back")]
    [InlineData("analysis: { interval: 10s, rollback: [ error_rate > 5% over 5s ] }", "shorter than analysis.interval (10s)")]
    [InlineData("analysis: { minSamples: 0 }", "at least 1")]
    [InlineData("analysis: { interval: 45s }", "the window of 'error_rate > 5% over 30s' is shorter than analysis.interval (45s)")]
    [InlineData("route: { listen: http://127.0.0.1:9090 }", "both 127.0.0.1:9090")]
    [InlineData("route: { admin: http://127.0.0.1:9090/admin }", "must not carry a path")]
    [InlineData("route: { userKey: { header: X User } }", "not a valid HTTP header name")]
    [InlineData("verify: [ { name: a, request: { path: /x, body: hi } } ]", "a GET probe cannot send a body")]
    [InlineData("verify: [ { name: a, request: { path: /x } }, { name: A, request: { path: /y } } ]", "two probes are named 'A'")]
    [InlineData("verify: [ { name: a } ]", "a probe needs a 'request'")]
    [InlineData("webhooks: [ { url: http://127.0.0.1/h, events: [] } ]", "would never be called")]
    public void Parse_InvalidSection_IsAnErrorWithItsReason(string section, string message)
    {
        var yaml = $"service: {{ name: chat, command: [./app, \"{{port}}\"] }}\n{section}\n";

        var ex = Assert.Throws<ConfigException>(() => AirlockConfigLoader.Parse(yaml, "airlock.yaml", Base));

        Assert.Contains(ex.Errors, e => e.Message.Contains(message, StringComparison.Ordinal) && e.Location.Line == 2 && e.Hint is not null);
    }

    [Fact]
    public void Parse_BlueGreenAndZeroKeepWarm_AreRead()
    {
        const string yaml = """
            service: { name: chat, command: [./app, "{port}"] }
            strategy: { blueGreen: { preview: 1m, approval: true } }
            keepWarm: 0s
            route: { userKey: { header: X-User-Id } }
            """;

        var spec = AirlockConfigLoader.Parse(yaml, "airlock.yaml", Base).Deployment!;

        Assert.Equal(StrategyKind.BlueGreen, spec.Strategy.Kind);
        Assert.Equal(TimeSpan.FromMinutes(1), spec.Strategy.Preview);
        Assert.True(spec.Strategy.PreviewApproval);
        Assert.Equal(TimeSpan.Zero, spec.KeepWarm);
        Assert.Equal("X-User-Id", spec.Route.UserKeyHeader);
        Assert.Null(spec.Route.UserKeyCookie);
    }

    [Fact]
    public void Load_RelativePaths_ResolveAgainstTheFolderOfTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("airlock-yaml-");
        try
        {
            var file = Path.Combine(folder.FullName, "airlock.yaml");
            File.WriteAllText(file, "service: { name: chat, command: [./app, \"{port}\"], workingDir: app, logs: /var/log/chat }\nstore: state/a.db\n");

            var spec = AirlockConfigLoader.Load(file, "airlock.yaml").Deployment!;

            Assert.Equal(Path.Combine(folder.FullName, "app"), spec.Service.WorkingDirectory);
            Assert.Equal("/var/log/chat", spec.Service.LogDirectory);
            Assert.Equal(Path.Combine(folder.FullName, "state", "a.db"), spec.StorePath);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
