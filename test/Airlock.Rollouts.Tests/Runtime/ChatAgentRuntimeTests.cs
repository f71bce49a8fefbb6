using System.Collections.Immutable;
using System.Net;
using System.Text;
using Airlock.Core.Deployment;

namespace Airlock.Rollouts.Tests.Runtime;

/// <summary>The real sample service, started by the runtime the way <c>airlock serve</c> will, with a fault switched on.</summary>
public sealed class ChatAgentRuntimeTests
{
    [Fact]
    public async Task StartAsync_ChatAgentWithNewErrorFault_IsHealthyAndServesTheInjectedError()
    {
        await using var harness = new RuntimeHarness();
        var service = new ServiceSpec
        {
            Name = "chat",
            Command = ["dotnet", BuiltServices.ChatAgent, "--urls", "http://127.0.0.1:{port}"],
            WorkingDirectory = harness.Folder,
            Environment = ImmutableDictionary<string, string>.Empty
                .Add("Agent__Revision", "{revision}")
                .Add("Faults__ErrorRate", "1")
                .Add("Faults__NewErrorCode", "true"),
            Health = new HealthSpec { Path = "/health/ready", Timeout = TimeSpan.FromSeconds(60), Interval = TimeSpan.FromMilliseconds(200) },
            StopGrace = TimeSpan.FromSeconds(10),
            LogDirectory = harness.LogDirectory,
        };

        var instance = await harness.StartAsync("chat-v2", service);
        var health = await harness.Runtime.WaitHealthyAsync(instance, CancellationToken.None);

        Assert.True(health.Healthy, health.Detail + "\n" + health.LogTail);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = instance.Url, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Contains("\"revision\":\"chat-v2\"", await http.GetStringAsync("/version"), StringComparison.Ordinal);
        using var content = new StringContent("{\"message\":\"When is support open?\"}", Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/agent/run", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("agent.injected_new_error", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await harness.Runtime.StopAsync(instance, CancellationToken.None);
        Assert.Equal(0, await instance.Exited);
    }
}
