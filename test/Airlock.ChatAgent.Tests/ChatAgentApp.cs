using System.Net;
using System.Net.Sockets;
using Airlock.ChatAgent.Tests.Fakes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Airlock.ChatAgent.Tests;

/// <summary>The real ChatAgent on Kestrel, loopback port 0, with settings, a fake clock and optionally a fake model.</summary>
internal sealed class ChatAgentApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ChatAgentApp(
        Dictionary<string, string?>? settings = null,
        IChatClient? model = null,
        string environment = "Production",
        Action<IServiceCollection>? services = null)
    {
        _settings = settings ?? [];
        _services = services;
        Model = model;
        Environment = environment;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    public static DateTimeOffset Start { get; } = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public IChatClient? Model { get; }

    public string Environment { get; }

    /// <summary>A client whose connections come from <paramref name="source"/> (any 127.x address is loopback on Linux), so tests can act as different users.</summary>
    public HttpClient ClientFrom(IPAddress source)
    {
        Uri address;
        using (var probe = CreateClient())
        {
            address = probe.BaseAddress!;
        }

        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = address };
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (Model is not null)
            {
                services.AddSingleton(Model);
            }

            _services?.Invoke(services);
        });
    }
}
