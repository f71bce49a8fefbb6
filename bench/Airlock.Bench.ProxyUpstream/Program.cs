// A minimal revision for proxy benchmarks: every request gets a fixed 13-byte body, like nginx's return 200.
// Usage: Airlock.Bench.ProxyUpstream URL (for example http://127.0.0.1:18081)
var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.AddServerHeader = false);
builder.WebHost.UseUrls(args.Length > 0 ? args[0] : "http://127.0.0.1:18081");
var app = builder.Build();
var body = "hello, world\n"u8.ToArray();
app.Run(async context =>
{
    context.Response.ContentType = "text/plain";
    context.Response.ContentLength = body.Length;
    await context.Response.Body.WriteAsync(body);
});
await app.RunAsync();
