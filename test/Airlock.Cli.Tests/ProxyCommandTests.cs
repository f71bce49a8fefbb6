using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Spectre.Console;

namespace Airlock.Cli.Tests;

public sealed class ProxyCommandTests
{
    [Fact]
    public async Task Proxy_MissingRouteFile_ExitsWithUsageError()
    {
        var run = await CliRun.InvokeAsync("proxy", "--routes", Path.Combine(Path.GetTempPath(), $"none-{Guid.NewGuid():N}.yaml"));

        Assert.Equal(ExitCodes.UsageError, run.ExitCode);
        Assert.Contains("does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Proxy_HttpsListenAddressWithoutCertificate_ExitsWithUsageErrorAndHint()
    {
        var file = Path.Combine(Path.GetTempPath(), $"routes-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "routes:\n  - name: chat\n    revisions:\n      - { name: v1, upstream: 'http://127.0.0.1:1', weight: 1 }\n");
        try
        {
            var run = await CliRun.InvokeAsync("proxy", "--routes", file, "--listen", "https://127.0.0.1:8443");

            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            Assert.Contains("an https:// listen address needs --cert and --key", run.Error, StringComparison.Ordinal);
            Assert.Contains("fullchain.pem", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:8443", "--listen 'ftp://127.0.0.1:8443' is not a listen address")]
    [InlineData("http://127.0.0.1:8080", "--cert and --key are only used by https:// listen addresses")]
    public async Task Proxy_BadListenOrCertificateUsage_ExitsWithUsageError(string listen, string expected)
    {
        var file = Path.Combine(Path.GetTempPath(), $"routes-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "routes:\n  - name: chat\n    revisions:\n      - { name: v1, upstream: 'http://127.0.0.1:1', weight: 1 }\n");
        try
        {
            var run = await CliRun.InvokeAsync("proxy", "--routes", file, "--listen", listen, "--cert", file, "--key", file);

            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Proxy_InvalidRouteFile_ExitsWithUsageErrorNamingTheLine()
    {
        var file = Path.Combine(Path.GetTempPath(), $"routes-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "routes:\n  - name: chat\n    revisions:\n      - { name: v1, upstream: http://127.0.0.1:1, weight: -1 }\n");
        try
        {
            var run = await CliRun.InvokeAsync("proxy", "--routes", file);

            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            Assert.Contains($"{file}:4:", run.Error, StringComparison.Ordinal);
            Assert.Contains("'weight' must be between 0 and 1000000", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Proxy_Running_ServesTheRouteFileUntilCancelled()
    {
        var closedPort = ClosedLoopbackPort();
        var file = Path.Combine(Path.GetTempPath(), $"routes-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, $"routes:\n  - name: chat\n    revisions:\n      - {{ name: v1, upstream: 'http://127.0.0.1:{closedPort}', weight: 1 }}\n");
        var stderr = new StringWriter();
        var console = new CliConsole(Capture(TextWriter.Null), Capture(TextWriter.Synchronized(stderr)), TextWriter.Null);
        using var stop = new CancellationTokenSource();
        try
        {
            var run = AirlockCli.RunAsync(["proxy", "--routes", file, "--listen", "http://127.0.0.1:0"], console, stop.Token);
            var address = await WaitForAddressAsync(stderr, run);
            using var client = new HttpClient();

            using var response = await client.GetAsync(new Uri(address, "/agent/run"));
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            await stop.CancelAsync();
            var exitCode = await run.WaitAsync(TimeSpan.FromSeconds(20));

            // The only revision's port is closed: the proxy answers for it, with its machine-readable code.
            Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
            Assert.Equal("upstream_unreachable", problem.GetProperty("code").GetString());
            Assert.Equal(ExitCodes.Ok, exitCode);
            Assert.Contains("airlock proxy stopped", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Proxy_NonLoopbackAdminAddress_ExitsWithUsageError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"routes-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, "routes:\n  - name: chat\n    revisions:\n      - { name: v1, upstream: 'http://127.0.0.1:1', weight: 1 }\n");
        try
        {
            var run = await CliRun.InvokeAsync("proxy", "--routes", file, "--admin", "http://0.0.0.0:9090");

            Assert.Equal(ExitCodes.UsageError, run.ExitCode);
            Assert.Contains("--admin 'http://0.0.0.0:9090' is not a loopback address", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Proxy_WithAdmin_ServesTheAdminApiBehindATokenFileItNeverPrints()
    {
        var state = Directory.CreateTempSubdirectory("airlock-cli-proxy-").FullName;
        var file = Path.Combine(state, "routes.yaml");
        await File.WriteAllTextAsync(file, $"routes:\n  - name: chat\n    revisions:\n      - {{ name: v1, upstream: 'http://127.0.0.1:{ClosedLoopbackPort()}', weight: 1 }}\n");
        var stderr = new StringWriter();
        var console = new CliConsole(Capture(TextWriter.Null), Capture(TextWriter.Synchronized(stderr)), TextWriter.Null);
        using var stop = new CancellationTokenSource();
        try
        {
            var run = AirlockCli.RunAsync(["proxy", "--routes", file, "--listen", "http://127.0.0.1:0", "--admin", "http://127.0.0.1:0", "--state", state], console, stop.Token);
            var admin = await WaitForAddressAsync(stderr, run, "admin API on ");
            var tokenFile = Path.Combine(state, "admin.token");
            var token = await File.ReadAllTextAsync(tokenFile);
            using var client = new HttpClient { BaseAddress = admin };

            using var anonymous = await client.GetAsync("/admin/routes");
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var routes = await client.GetAsync("/admin/routes");
            var body = JsonDocument.Parse(await routes.Content.ReadAsStringAsync()).RootElement;
            await stop.CancelAsync();
            Assert.Equal(ExitCodes.Ok, await run.WaitAsync(TimeSpan.FromSeconds(20)));

            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.OK, routes.StatusCode);
            Assert.Equal(1, body.GetProperty("version").GetInt64());
            Assert.True(File.Exists(Path.Combine(state, "routes.state.json")));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
            }

            Assert.DoesNotContain(token, stderr.ToString(), StringComparison.Ordinal);
            Assert.Contains($"bearer token {token[..4]}", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            Directory.Delete(state, recursive: true);
        }
    }

    private static async Task<Uri> WaitForAddressAsync(StringWriter stderr, Task<int> run, string marker = "listening on ")
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var text = stderr.ToString();
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                return new Uri(text[(at + marker.Length)..].Split(' ', ',', ';')[0]);
            }

            Assert.False(run.IsCompleted, $"the proxy exited early: {text}");
            await Task.Delay(50);
        }

        throw new TimeoutException($"the proxy did not report its address: {stderr}");
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static IAnsiConsole Capture(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 400;
        return console;
    }
}
