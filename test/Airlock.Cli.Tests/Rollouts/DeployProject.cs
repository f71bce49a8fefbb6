using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Airlock.Readiness.Tests;

namespace Airlock.Cli.Tests.Rollouts;

/// <summary>
/// A real git repository whose airlock.yaml deploys the test service (test/Airlock.TestService) on loopback, the
/// client verbs run in process against its <c>airlock serve</c>, and cleanup of every process the test started:
/// serve, the proxy and the revisions all carry a per-test tag in their environment (they inherit serve's), and
/// only processes with that tag are killed.
/// </summary>
internal sealed class DeployProject : IDisposable
{
    public const string TagVariable = "AIRLOCK_E2E_TAG";
    private readonly TestRepository _repository = new();
    private readonly List<ServeProcess> _serves = [];

    public DeployProject(string steps)
    {
        Tag = Guid.NewGuid().ToString("N");
        Listen = new Uri($"http://127.0.0.1:{FreePort()}/");
        var admin = FreePort();
        var service = FindTestService();
        _repository.Write("airlock.yaml", $$"""
            service:
              name: e2e
              command: [dotnet, "{{service}}", --port, "{port}"]
              env: { TEST_REVISION: "{revision}" }
              health: { path: /health, timeout: 30s }
              stopGrace: 2s
            route: { listen: "{{Listen.GetLeftPart(UriPartial.Authority)}}", admin: "http://127.0.0.1:{{admin}}" }
            strategy: { canary: { steps: [{{steps}}] } }
            analysis: { minSamples: 20 }
            keepWarm: 0s
            """);
        _repository.Commit("service");
    }

    public string Root => _repository.Root;

    public string Tag { get; }

    private string EndpointFile => Path.Combine(Root, ".airlock", "serve.json");

    /// <summary>The proxy's data-plane address: where traffic goes.</summary>
    public Uri Listen { get; }

    /// <summary>Starts serve; the endpoint file of an earlier (killed) serve is removed first, see <see cref="WaitForServeAsync"/>.</summary>
    public ServeProcess StartServe()
    {
        if (File.Exists(EndpointFile))
        {
            File.Delete(EndpointFile);
        }
        var serve = ServeProcess.Start(Root, Tag);
        _serves.Add(serve);
        return serve;
    }

    /// <summary>Waits (bounded) until the newest serve answers the status verb.</summary>
    public async Task WaitForServeAsync()
    {
        // Without .airlock/serve.json the verbs fall back to the default port, where another project's serve may answer.
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (File.Exists(EndpointFile) && (await CliAsync("status", "--json")).ExitCode == ExitCodes.Ok)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail("airlock serve did not answer within 30 s: " + _serves[^1].Errors);
    }

    /// <summary>A client verb, in process, against this project's serve.</summary>
    /// <remarks>Bounded: a <c>deploy --wait</c> that never ends fails the test instead of hanging it.</remarks>
    public Task<CliRun> CliAsync(params string[] args) => CliRun.InvokeAsync([.. args, "--dir", Root]).WaitAsync(TimeSpan.FromSeconds(90));

    /// <summary>A client verb that must succeed; its output is the failure message otherwise.</summary>
    public async Task<CliRun> OkAsync(params string[] args)
    {
        var run = await CliAsync(args);
        Assert.True(run.ExitCode == ExitCodes.Ok, $"airlock {string.Join(' ', args)} exited {run.ExitCode}: {run.Out}{run.Error}\nserve: {(_serves.Count > 0 ? _serves[^1].Errors : string.Empty)}");
        return run;
    }

    public async Task<JsonElement> StatusAsync()
    {
        var run = await CliAsync("status", "--json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    public async Task<JsonElement> RolloutAsync(long id)
    {
        var run = await CliAsync("history", id.ToString(CultureInfo.InvariantCulture), "--json");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error);
        return JsonDocument.Parse(run.Out).RootElement.Clone();
    }

    /// <summary>Polls the status until <paramref name="done"/> holds (bounded: 60 s).</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> done, string what)
    {
        JsonElement status = default;
        for (var attempt = 0; attempt < 240; attempt++)
        {
            status = await StatusAsync();
            if (done(status))
            {
                return status;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"timed out waiting for {what}; last status: {status.GetRawText()}");
        return status;
    }

    public static string? ActivePhase(JsonElement status) =>
        status.TryGetProperty("active", out var active) ? active.GetProperty("status").GetProperty("phase").GetString() : null;

    public static int ActiveWeight(JsonElement status) =>
        status.TryGetProperty("active", out var active) ? active.GetProperty("status").GetProperty("candidateWeight").GetInt32() : -1;

    public static string? Stable(JsonElement status) =>
        status.TryGetProperty("stable", out var stable) ? stable.GetProperty("revision").GetString() : null;

    public void Dispose()
    {
        foreach (var serve in _serves)
        {
            serve.Dispose();
        }

        foreach (var pid in TaggedProcesses())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
            catch (InvalidOperationException)
            {
                // Exited between the scan and the kill.
            }
        }

        _repository.Dispose();
    }

    /// <summary>Our processes only: those whose environment carries this test's tag.</summary>
    private List<int> TaggedProcesses()
    {
        var needle = $"{TagVariable}={Tag}";
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var environment = File.ReadAllText(Path.Combine(directory, "environ"));
                if (environment.Split('\0').Contains(needle, StringComparer.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Another user's process, or one that just exited.
            }
        }

        return found;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindTestService()
    {
        // The tests run from <repo>/test/Airlock.Cli.Tests/bin/<Configuration>/net10.0/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Airlock.slnx")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "test", "Airlock.TestService", "bin", output.Parent!.Name, output.Name, "Airlock.TestService.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("build test/Airlock.TestService first (a ProjectReference of this test project)", path);
    }
}
