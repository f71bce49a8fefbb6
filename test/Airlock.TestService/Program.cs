using System.Runtime.InteropServices;
using Airlock.TestService;

if (args is ["--as-controller", var logDirectory])
{
    return await ControllerMode.RunAsync(logDirectory);
}

var options = TestServiceOptions.Parse(args);
var revision = Environment.GetEnvironmentVariable("TEST_REVISION") ?? "unnamed";
if (options.CrashOnStart)
{
    Console.Error.WriteLine($"fatal: revision {revision} refuses to start (--crash-on-start)");
    return 3;
}

// Without this registration the host stops gracefully on SIGTERM; with it, SIGTERM is swallowed and only SIGKILL ends it.
using var ignoreTerm = options.IgnoreSigterm
    ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = true)
    : null;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{options.Port}");
if (options.IgnoreSigterm)
{
    builder.Services.AddSingleton<IHostLifetime, DeafLifetime>();
}

var app = builder.Build();
app.Lifetime.ApplicationStarted.Register(() => Console.WriteLine($"revision {revision} listening on port {options.Port}"));
app.Lifetime.ApplicationStopping.Register(() => Console.WriteLine($"revision {revision} stopping gracefully"));

app.MapGet("/health", () => options.FailHealth ? Results.StatusCode(503) : Results.Text("healthy"));
app.MapGet("/", async () =>
{
    if (options.LatencyMs > 0)
    {
        await Task.Delay(options.LatencyMs);
    }

#pragma warning disable CA5394 // Faults are injected at random on purpose; not security-relevant.
    return Random.Shared.NextDouble() < options.ErrorRate
#pragma warning restore CA5394
        ? Results.Json(new { code = options.ErrorCode }, statusCode: 500)
        : Results.Text($"revision {revision}");
});

try
{
    await app.RunAsync();
}
catch (IOException ex)
{
    // Kestrel's bind failure: say it the way the runtime recognises.
    Console.Error.WriteLine($"fatal: {ex.Message}");
    return 4;
}

Console.WriteLine($"revision {revision} stopped");
return 0;
