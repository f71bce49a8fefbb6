using Airlock.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Airlock.Rollouts.Tests;

/// <summary>A real Kestrel revision on a loopback port chosen by the OS; answers its name, or runs a handler.</summary>
internal sealed class RevisionServer : IAsyncDisposable
{
    private readonly LoopbackApp _app;

    private RevisionServer(LoopbackApp app, string name)
    {
        _app = app;
        Name = name;
    }

    public string Name { get; }

    public Uri Address => _app.Address;

    public static async Task<RevisionServer> StartAsync(string name, RequestDelegate? handler = null) =>
        new(await LoopbackApp.StartAsync(app => app.Run(handler ?? (context => context.Response.WriteAsync(name)))), name);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
