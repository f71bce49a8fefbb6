using System.Collections.Immutable;
using System.Globalization;
using Airlock.Cli.Hosting;
using Airlock.Cli.Rollouts;
using Airlock.Cli.Serve;
using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Core.Security;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;
using Airlock.Rollouts.Api;
using Airlock.Rollouts.Controller;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;

namespace Airlock.Cli.Demo;

/// <summary>One demo from the rubric to the summary; owns serve, the traffic and every process they start.</summary>
internal sealed class DemoRun(DemoProject project, IAnsiConsole output, IAnsiConsole errors, TimeProvider time, DateTimeOffset origin) : IAsyncDisposable
{
    private static readonly TimeSpan RolloutLimit = TimeSpan.FromSeconds(100);
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(3);

    private ServeComposition? _composition;
    private ControlServer? _server;
    private CancellationTokenSource? _controllerStop;
    private Task? _controllerLoop;
    private DemoTraffic? _traffic;

    /// <summary>What the demo saw: the three rollouts' outcomes, for the exit code and the test.</summary>
    public DemoStory? Story { get; private set; }

    public async Task<int> ExecuteAsync(bool live, int rate, bool keep, CancellationToken cancellationToken)
    {
        await RubricAsync(cancellationToken);

        var config = AirlockConfigLoader.LoadFromDirectory(project.Directory);
        var spec = config.Deployment ?? throw new InvalidOperationException("the demo's airlock.yaml has no service section");
        var state = Path.Combine(project.Directory, ServeEndpoint.StateFolder);
        Directory.CreateDirectory(state);
        var token = BearerToken.LoadOrCreate(Path.Combine(state, ServeEndpoint.TokenFileName), out _);
        using var logs = new StderrLoggerProvider(errors, LogLevel.Error);
        _composition = ServeComposition.Create(config, spec, project.Directory, state, time, logs);
        _controllerStop = new CancellationTokenSource();
        _controllerLoop = _composition.Controller.RunAsync(_controllerStop.Token);
        _server = ControlServer.Create(new Uri("http://127.0.0.1:0"), token, _composition.Controller, _composition.Store, logs);
        await _server.StartAsync(cancellationToken);
        ServeEndpoint.Write(project.Directory, _server.Address);
        output.MarkupLine($"[grey]3/5[/] airlock serve is running in this process: dashboard [link]{Markup.Escape(_server.Address.ToString())}[/] · traffic through the proxy on {Markup.Escape(project.Listen.ToString())}");

        var narrator = new DemoNarrator(_composition.Store, output, live, null, origin, time);
        output.MarkupLine("[grey]4/5[/] [bold]v1[/]: the first revision goes live at once");
        var v1 = await DeployAsync(narrator, "v1", ImmutableDictionary<string, string>.Empty, cancellationToken);

        _traffic = new DemoTraffic(project.Listen, rate, time);
        _traffic.Start();
        narrator.Traffic = _traffic;
        output.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"      synthetic users: {rate} questions a second from the knowledge base, POST /agent/run through the proxy"));
        await Task.Delay(Warmup, time, cancellationToken);

        output.MarkupLine("      [bold]v2[/]: a healthy revision through the canary steps (20%, 50%, then 100%)");
        var v2 = await DeployAsync(narrator, "v2", ImmutableDictionary<string, string>.Empty, cancellationToken);

        output.MarkupLine("      [bold]v3[/]: half of its answers fail (Faults__ErrorRate=0.5); the analysis must roll it back");
        var v3 = await DeployAsync(narrator, "v3", ImmutableDictionary<string, string>.Empty.Add("Faults__ErrorRate", "0.5"), cancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        await _traffic.StopAsync();

        var counts = await DemoProxyCounts.ReadAsync(project.Admin, spec.Service.Name, cancellationToken);
        Story = new DemoStory(v1, v2, v3, _traffic.Sent, _traffic.Ok, _traffic.ClientErrors, _traffic.Failed, counts, time.GetUtcNow() - origin);
        output.MarkupLine("[grey]5/5[/] [bold]summary[/]");
        Story.Write(output);

        if (keep)
        {
            await KeepAsync(cancellationToken);
        }

        return Story.Happened ? ExitCodes.Ok : ExitCodes.DemoFailed;
    }

    /// <summary>Releases what the demo holds in this process; processes are stopped only by <see cref="CleanUpAsync"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_traffic is not null)
        {
            await _traffic.DisposeAsync();
            _traffic = null;
        }

        _controllerStop?.Dispose();
        _controllerStop = null;
    }

    /// <summary>Stops serve, every process it started (by pid) and removes the project folder.</summary>
    public async Task CleanUpAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        if (_traffic is not null)
        {
            await _traffic.DisposeAsync();
            _traffic = null;
        }

        await StopServeAsync(limit.Token);
        if (_composition is not null)
        {
            await _composition.Runtime.StopAllAsync(limit.Token);
            await _composition.DisposeAsync();
        }

        try
        {
            Directory.Delete(project.Directory, recursive: true);
            output.MarkupLine($"[grey]stopped serve, the proxy and every revision; removed {Markup.Escape(project.Directory)}[/]");
        }
        catch (IOException ex)
        {
            output.MarkupLine($"[yellow]could not remove {Markup.Escape(project.Directory)}: {Markup.Escape(ex.Message)}[/]");
        }
    }

    private async Task RubricAsync(CancellationToken cancellationToken)
    {
        output.MarkupLine("[grey]2/5[/] the readiness rubric on the sample (what 'airlock check' prints; each deploy's preflight runs it again)");
        var context = new CheckContext
        {
            RepositoryRoot = project.Directory,
            Config = AirlockConfigLoader.LoadFromDirectory(project.Directory),
            Git = new GitRepository(project.Directory),
            Time = time,
        };
        var report = await new ReadinessRubric(ReadinessCheckCatalog.CreateAll(), NullLogger.Instance).RunAsync(context, ToolVersion.Version, cancellationToken);
        output.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"      {report.Rows.Length} rows in {report.Duration.TotalSeconds:0.0} s · {Markup.Escape(report.Summary.Describe())}"));
        foreach (var row in report.Rows.Where(r => r.Result == CheckResult.Fail).Take(6))
        {
            output.MarkupLine($"      [yellow]fail[/] {Markup.Escape(row.Severity.Display())}: {Markup.Escape(row.Id)}: {Markup.Escape(row.Summary)}");
        }
    }

    private async Task<DemoRollout> DeployAsync(DemoNarrator narrator, string revision, ImmutableDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var answer = await _composition!.Controller.DeployAsync(new DeployRequest(revision, environment), cancellationToken);
        if (!answer.Accepted || answer.RolloutId is not { } id)
        {
            throw new InvalidOperationException($"serve refused to deploy {revision}: {answer.Message}");
        }

        var (record, ledger) = await narrator.FollowAsync(id, RolloutLimit, cancellationToken);
        return new DemoRollout(record, ledger);
    }

    private async Task KeepAsync(CancellationToken cancellationToken)
    {
        var pids = string.Join(' ', _composition!.Runtime.Started.Where(i => !i.Exited.IsCompleted).Select(i => i.Pid.ToString(CultureInfo.InvariantCulture)));
        output.MarkupLine($"[bold]--keep[/]: everything stays up. Dashboard {Markup.Escape(_server!.Address.ToString())}; try 'airlock status' or 'airlock deploy v4 --wait' in {Markup.Escape(project.Directory)}.");
        output.MarkupLine($"Ctrl+C stops serve here; the proxy and the live revision keep running (airlock serve {Markup.Escape(project.Directory)} picks them up again).");
        output.MarkupLine($"To stop everything afterwards: kill {pids}; rm -rf {Markup.Escape(project.Directory)}");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: serve stops, the processes stay, as promised above.
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await StopServeAsync(limit.Token);
        if (_composition is not null)
        {
            await _composition.DisposeAsync();
        }
    }

    private async Task StopServeAsync(CancellationToken cancellationToken)
    {
        if (_controllerStop is not null)
        {
            await _controllerStop.CancelAsync();
        }

        if (_controllerLoop is not null)
        {
            try
            {
                await _controllerLoop;
            }
            catch (OperationCanceledException)
            {
                // The controller's normal end.
            }
        }

        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken);
            await _server.DisposeAsync();
            _server = null;
        }

        _controllerStop?.Dispose();
        _controllerStop = null;
        _controllerLoop = null;
    }
}
