using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Airlock.Rollouts.Metrics;
using Airlock.Rollouts.Metrics.Prometheus;
using Microsoft.AspNetCore.Http;

namespace Airlock.Rollouts.Tests.Metrics;

/// <summary>
/// A real Prometheus server (Debian's prometheus package, as promtool) scraping a real revision every second, queried
/// through its HTTP API. Waits (bounded) until Prometheus has two scrapes, then checks the signals.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PrometheusServerSourceTests : IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly HttpClient _http = new();
    private int _scrapes;

    [Fact]
    public async Task ReadAsync_RealPrometheus_CostPerTurnAndAppGauge()
    {
        // Every scrape sees 10 more turns costing 0.10 USD: 0.01 per turn whatever Prometheus extrapolates.
        await using var revision = await RevisionServer.StartAsync("v3", context =>
        {
            var k = Interlocked.Increment(ref _scrapes);
            return context.Response.WriteAsync(ChatModelExposition.Write("v3", 10L * k, 0, 0.1 * k, 100L * k, 50L * k, 0.5 * k, k));
        });
        var port = FreePort();
        var config = _folder.File("prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: revisions
                static_configs:
                  - targets: ["{revision.Address.Authority}"]
            """);
        using var prometheus = Process.Start(new ProcessStartInfo("prometheus",
            $"--config.file={config} --storage.tsdb.path={_folder.File("data")} --web.listen-address=127.0.0.1:{port}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("prometheus did not start");
        prometheus.OutputDataReceived += (_, _) => { };
        prometheus.ErrorDataReceived += (_, _) => { };
        prometheus.BeginOutputReadLine();
        prometheus.BeginErrorReadLine();
        try
        {
            var source = new PrometheusServerSource(_http, new Uri($"http://127.0.0.1:{port}"), ["chatagent_build_info", "myapp_widgets_total"]);
            RevisionWindow? v3 = null;
            for (var attempt = 0; attempt < 60 && v3?.AppSignals.ContainsKey(AppSignalNames.CostPerRequest) != true; attempt++)
            {
                await Task.Delay(500);
                try
                {
                    v3 = (await source.ReadAsync("chat", TimeSpan.FromSeconds(30), default)).SingleOrDefault(w => w.Revision == "v3");
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
            }

            Assert.NotNull(v3);
            Assert.Equal(0.01, v3.AppSignals[AppSignalNames.CostPerRequest], 9);
            Assert.Equal(15, v3.AppSignals[AppSignalNames.TokensPerRequest], 6);
            Assert.Equal(0.5, v3.AppSignals[AppSignalNames.ContextUtilisation], 9);
            Assert.Equal(1, v3.AppSignals["app:chatagent_build_info"]);
            Assert.Equal(0, v3.AppSignals["app:myapp_widgets_total"]);
            Assert.True(v3.AppSignalSamples[AppSignalNames.CostPerRequest] >= 10, string.Create(CultureInfo.InvariantCulture, $"turns {v3.AppSignalSamples[AppSignalNames.CostPerRequest]}"));
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _folder.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
