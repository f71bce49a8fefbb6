using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Airlock.Bench.Rollouts;

/// <summary>
/// One temp project (git repo + airlock.yaml) with `airlock serve` running in it. Every process it causes (serve, the
/// proxy serve starts, the revisions) has the temp folder as its working directory or in its command line, which is
/// how <see cref="Dispose"/> finds them to stop them by pid.
/// </summary>
internal sealed class Session : IDisposable
{
    private readonly string _airlockDll;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private Process? _serve;

    public Session(string airlockDll, string testServiceDll, int listenPort, string steps)
    {
        _airlockDll = airlockDll;
        ListenPort = listenPort;
        Directory = Path.Combine(Path.GetTempPath(), "airlock-rollout-bench-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(Directory);
        // sh only to pick the fault rate out of the environment (deploy --env); exec keeps the pid the runtime records.
        var script = "E=0; [ -n \"$BENCH_ERR\" ] && E=$BENCH_ERR; exec dotnet " + testServiceDll
            + " --port \"$0\" --error-rate $E --error-code fault.$TEST_REVISION";
        File.WriteAllText(Path.Combine(Directory, "airlock.yaml"), $$"""
            service:
              name: bench
              command: [sh, -c, '{{script}}', "{port}"]
              env: { TEST_REVISION: "{revision}" }
              health: { path: /health, timeout: 30s, interval: 100ms }
              stopGrace: 3s
            route:
              listen: http://127.0.0.1:{{listenPort}}
              admin: http://127.0.0.1:{{listenPort + 1}}
              userKey: { header: X-User-Id }
            strategy: { canary: { steps: {{steps}} } }
            keepWarm: 0s
            """);
        // serve keeps its tokens and logs in .airlock/; unignored, the preflight's secrets row finds them (seen after ~9 runs).
        File.WriteAllText(Path.Combine(Directory, ".gitignore"), ".airlock/\n");
        Run("git", "init -q");
        Run("git", "-c user.email=bench@localhost -c user.name=bench add -A");
        Run("git", "-c user.email=bench@localhost -c user.name=bench commit -q -m bench");
    }

    public string Directory { get; }

    public int ListenPort { get; }

    public void StartServe()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { _airlockDll, "serve", "." })
        {
            start.ArgumentList.Add(a);
        }

        _serve = Process.Start(start)!;
        _serve.OutputDataReceived += (_, e) => Log("serve", e.Data);
        _serve.ErrorDataReceived += (_, e) => Log("serve!", e.Data);
        _serve.BeginOutputReadLine();
        _serve.BeginErrorReadLine();
        // Until serve writes .airlock/serve.json the CLI falls back to 127.0.0.1:7070, which may be another session's serve.
        var urlFile = Path.Combine(Directory, ".airlock", "serve.json");
        for (var waited = 0; !File.Exists(urlFile) && waited < 600; waited++)
        {
            Thread.Sleep(100);
        }
    }

    public void Deploy(string revision, double errorRate, bool wait)
    {
        var args = new List<string> { _airlockDll, "deploy", revision, "--env", "BENCH_ERR=" + errorRate.ToString(CultureInfo.InvariantCulture) };
        if (wait)
        {
            args.Add("--wait");
        }

        // serve may still be starting: retry while it cannot be reached.
        for (var attempt = 0; ; attempt++)
        {
            var (code, output) = Run("dotnet", args);
            if (code == 0 || (wait && code != 0 && output.Contains("rolled", StringComparison.OrdinalIgnoreCase)))
            {
                return;
            }

            if (attempt > 60)
            {
                throw new InvalidOperationException($"deploy {revision} failed ({code}): {output}");
            }

            Thread.Sleep(500);
        }
    }

    /// <summary>The proxy's table weight of each revision of the route (null when the proxy cannot be read yet).</summary>
    public async Task<Dictionary<string, int>?> WeightsAsync()
    {
        var tokenFile = Path.Combine(Directory, ".airlock", "proxy", "admin.token");
        if (!File.Exists(tokenFile))
        {
            return null;
        }

        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{ListenPort + 1}/admin/revisions/bench");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(tokenFile).Trim());
            using var response = await _http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var weights = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var revision in document.RootElement.GetProperty("revisions").EnumerateArray())
            {
                var weight = revision.GetProperty("weight");
                weights[revision.GetProperty("name").GetString()!] = weight.ValueKind == JsonValueKind.Number ? weight.GetInt32() : 0;
            }

            return weights;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException)
        {
            return null;
        }
    }

    /// <summary>serve's view: (active rollout present, last rollout's candidate, last rollout's status).</summary>
    public async Task<(bool Active, string? LastCandidate, string? LastStatus)?> StatusAsync()
    {
        var tokenFile = Path.Combine(Directory, ".airlock", "serve.token");
        var urlFile = Path.Combine(Directory, ".airlock", "serve.json");
        if (!File.Exists(tokenFile) || !File.Exists(urlFile))
        {
            return null;
        }

        try
        {
            using var urlDocument = JsonDocument.Parse(File.ReadAllText(urlFile));
            var url = urlDocument.RootElement.GetProperty("url").GetString()!.TrimEnd('/');
            using var request = new HttpRequestMessage(HttpMethod.Get, url + "/api/status");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", File.ReadAllText(tokenFile).Trim());
            using var response = await _http.SendAsync(request);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = document.RootElement;
            var active = root.TryGetProperty("active", out var a) && a.ValueKind == JsonValueKind.Object;
            string? candidate = null, status = null;
            if (root.TryGetProperty("last", out var last) && last.ValueKind == JsonValueKind.Object)
            {
                candidate = last.GetProperty("candidate").GetString();
                var st = last.GetProperty("status");
                status = st.ValueKind == JsonValueKind.Object && st.TryGetProperty("phase", out var phase) ? phase.GetString() : st.ToString();
                if (status is not ("rolled_back" or "promoted") && st.ValueKind == JsonValueKind.Object && st.TryGetProperty("message", out var message))
                {
                    status += " (" + message.GetString() + ")";
                }
            }

            return (active, candidate, status);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        if (_serve is { HasExited: false })
        {
            _serve.Kill();
            _serve.WaitForExit(5000);
        }

        _serve?.Dispose();
        // The proxy and revisions run detached (setsid) and outlive serve: find them by our temp folder, stop each by pid.
        foreach (var pid in ProcessesUnder(Directory))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(3000);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // already gone
            }
        }

        _http.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a straggler still writing its log: leave the temp folder
        }
    }

    private static List<int> ProcessesUnder(string folder)
    {
        var found = new List<int>();
        foreach (var entry in System.IO.Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var cwd = new FileInfo(Path.Combine(entry, "cwd")).LinkTarget;
                var cmdline = File.ReadAllText(Path.Combine(entry, "cmdline"));
                if ((cwd is not null && cwd.StartsWith(folder, StringComparison.Ordinal)) || cmdline.Contains(folder, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // exited or not ours
            }
        }

        return found;
    }

    private (int Code, string Output) Run(string file, string arguments) => Run(file, arguments.Split(' '));

    private (int Code, string Output) Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr);
    }

    private static void Log(string who, string? line)
    {
        if (line is not null && Environment.GetEnvironmentVariable("BENCH_VERBOSE") == "1")
        {
            Console.Error.WriteLine($"[{who}] {line}");
        }
    }
}
