using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Runtime;

/// <summary>
/// Runs revisions as local processes (the embedded default). Each one is started through <c>setsid</c> (util-linux) in
/// its own session and process group, with its output sent by <c>/bin/sh</c> straight to its log files, so it holds no
/// pipe to the controller and no terminal: a <c>kill -9</c> of <c>airlock serve</c>, or Ctrl+C in its terminal, leaves
/// the revision (and the traffic it serves) running. A restarted controller finds it again by pid and start time.
/// </summary>
internal sealed partial class LocalProcessRuntime : IRevisionRuntime, IDisposable
{
    private const string SetSid = "setsid";

    // Runs as: sh -c SCRIPT sh OUT ERR PROGRAM ARGS...; exec keeps the pid setsid gave us, so pid = session = group.
    private const string Launcher = "out=$1; err=$2; shift 2; exec \"$@\" >>\"$out\" 2>>\"$err\" </dev/null";

    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HttpClient _http;

    public LocalProcessRuntime(TimeProvider time, ILogger<LocalProcessRuntime> logger)
    {
        _time = time;
        _logger = logger;

        // Health probes go to loopback only: never through a configured HTTP proxy, never reusing a dead revision's connection.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(5), AllowAutoRedirect = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>How often a re-attached revision (not our child, so no wait() on it) is checked for having exited.</summary>
    internal TimeSpan ExitPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public Task<RevisionInstance> StartAsync(RevisionLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        cancellationToken.ThrowIfCancellationRequested();
        if (!RevisionName().IsMatch(launch.Revision))
        {
            throw new ArgumentException($"'{launch.Revision}' cannot name a revision: it names its log files, so letters, digits, '.', '-' and '_' only.", nameof(launch));
        }

        var service = launch.Service;
        if (!Directory.Exists(service.WorkingDirectory))
        {
            throw new RevisionStartException($"the working folder of service '{service.Name}' does not exist: {service.WorkingDirectory}");
        }

        if (ProgramLocator.Find(SetSid, service.WorkingDirectory) is null)
        {
            throw new RevisionStartException("'setsid' (util-linux) was not found on PATH: revisions are started in their own session with it.");
        }

        var port = LoopbackPort.Next();
        var command = CommandTemplate.Fill(service.Command, port, launch.Revision);
        var program = ProgramLocator.Find(command[0], service.WorkingDirectory)
            ?? throw new RevisionStartException($"the program '{command[0]}' of service '{service.Name}' was not found (looked in {service.WorkingDirectory} and PATH).");

        Directory.CreateDirectory(service.LogDirectory);
        var logs = RevisionLogs.For(service.LogDirectory, launch.Revision);
        var startedAt = _time.GetUtcNow();
        logs.WriteMarker($"starting revision {launch.Revision} on port {port} at {startedAt:O}: {string.Join(' ', command)}");

        var info = new ProcessStartInfo(SetSid) { UseShellExecute = false, WorkingDirectory = service.WorkingDirectory };
        foreach (var argument in (string[])["/bin/sh", "-c", Launcher, "sh", logs.Out, logs.Err, program, .. command.Skip(1)])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in service.Environment.SetItems(launch.ExtraEnvironment))
        {
            info.Environment[name] = CommandTemplate.Fill(value, port, launch.Revision);
        }

        var process = Process.Start(info) ?? throw new RevisionStartException($"the revision {launch.Revision} could not be started.");
        var startTicks = ProcStat.Read(process.Id)?.StartTicks ?? 0;
        var instance = new RevisionInstance(
            launch.Revision,
            process.Id,
            startTicks,
            port,
            new Uri($"http://127.0.0.1:{port}"),
            startedAt,
            service.LogDirectory,
            ExitOfChildAsync(process))
        {
            Health = service.Health,
            StopGrace = service.StopGrace,
        };
        Log.Started(_logger, launch.Revision, process.Id, port, logs.Out);
        return Task.FromResult(instance);
    }

    public RevisionInstance? Reattach(RevisionInstanceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!ProcStat.IsAlive(record.Pid, record.ProcessStartTicks))
        {
            Log.ReattachRefused(_logger, record.Revision, record.Pid);
            return null;
        }

        Log.Reattached(_logger, record.Revision, record.Pid, record.Port);
        return new RevisionInstance(
            record.Revision,
            record.Pid,
            record.ProcessStartTicks,
            record.Port,
            new Uri($"http://127.0.0.1:{record.Port}"),
            record.StartedAt,
            record.LogDirectory,
            ExitOfStrangerAsync(record.Pid, record.ProcessStartTicks));
    }

    public void Dispose() => _http.Dispose();

    private static async Task<int?> ExitOfChildAsync(Process process)
    {
        using (process)
        {
            await process.WaitForExitAsync();
            return process.ExitCode;
        }
    }

    /// <summary>A process we did not start cannot be waited for: poll /proc until it is gone (its exit code is not ours to read).</summary>
    private async Task<int?> ExitOfStrangerAsync(int pid, long startTicks)
    {
        while (ProcStat.IsAlive(pid, startTicks))
        {
            await Task.Delay(ExitPollInterval, _time);
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex RevisionName();
}
