// Allocation and CPU cost per proxied request, for profiling without dotnet-trace: runs the real ProxyServer in
// this process (so every allocation counted is the proxy's: Kestrel, routing, forwarder, SocketsHttpHandler),
// waits for a warm-up load, then reports the next load burst's allocated bytes, CPU time and GCs per request.
// Usage: Airlock.Bench.ProxyProfile UPSTREAM_URL LISTEN_URL [WARMUP_REQUESTS]; drive it with wrk (profile.sh).
using System.Diagnostics;
using Airlock.Proxy.Hosting;

var upstream = args.Length > 0 ? args[0] : "http://127.0.0.1:18280";
var listen = args.Length > 1 ? args[1] : "http://127.0.0.1:18290";
var warmup = args.Length > 2 ? long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
var config = ProxyConfigLoader.Parse($$"""
    version: 1
    routes:
      - name: bench
        revisions:
          - { name: v1, upstream: "{{upstream}}", weight: 1 }
    """, "profile.yaml");
await using var server = ProxyServer.Create(config, [listen], TimeProvider.System);
await server.StartAsync();
Console.WriteLine($"listening on {server.Addresses[0]}; gc server={System.Runtime.GCSettings.IsServerGC} latency={System.Runtime.GCSettings.LatencyMode}");

long Requests() => server.Telemetry.Snapshot().Sum(r => r.Requests);

// Waits until at least `atLeast` requests were served and then none for a second: the end of a wrk run.
async Task WaitForQuietAfterAsync(long atLeast)
{
    var last = Requests();
    var quietSince = Stopwatch.GetTimestamp();
    while (true)
    {
        await Task.Delay(100);
        var now = Requests();
        if (now != last)
        {
            last = now;
            quietSince = Stopwatch.GetTimestamp();
        }
        else if (now >= atLeast && Stopwatch.GetElapsedTime(quietSince) > TimeSpan.FromSeconds(1))
        {
            return;
        }
    }
}

await WaitForQuietAfterAsync(warmup);
var process = Process.GetCurrentProcess();
var requests0 = Requests();
var bytes0 = GC.GetTotalAllocatedBytes(precise: true);
process.Refresh();
var cpu0 = process.TotalProcessorTime;
var user0 = process.UserProcessorTime;
var gcs0 = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
Console.WriteLine($"warm after {requests0} requests; measuring the next burst");

await WaitForQuietAfterAsync(requests0 + 1);
var n = Requests() - requests0;
var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytes0;
process.Refresh();
var cpu = process.TotalProcessorTime - cpu0;
var user = process.UserProcessorTime - user0;
Console.WriteLine(
    $"{n} requests: {(double)bytes / n:F0} bytes allocated/request, {cpu.TotalMicroseconds / n:F1} us CPU/request ({user.TotalMicroseconds / n:F1} user), " +
    $"GCs gen0 {GC.CollectionCount(0) - gcs0.Item1} gen1 {GC.CollectionCount(1) - gcs0.Item2} gen2 {GC.CollectionCount(2) - gcs0.Item3}, " +
    $"working set {Environment.WorkingSet / 1024} kB");
