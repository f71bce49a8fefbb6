using System.Net;
using System.Text.Json;
using ChatAgent.Faults;

namespace Airlock.ChatAgent.Tests.Faults;

/// <summary>Each fault switch breaks the service the way it says, and readiness shows it.</summary>
public class FaultSwitchTests
{
    [Fact]
    public async Task Ready_FailHealthSwitch_Returns503AndNamesTheSwitch()
    {
        await using var app = new ChatAgentApp(new() { ["Faults:FailHealth"] = "true" });
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var faults = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").GetProperty("faults");
        Assert.True(faults.GetProperty("failHealth").GetBoolean());
        Assert.Contains("Faults:FailHealth", faults.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_ErrorRateSwitch_IsDegradedAndVisible()
    {
        await using var app = new ChatAgentApp(new() { ["Faults:ErrorRate"] = "0.25", ["Faults:AddedLatency"] = "00:00:00.200" });
        using var client = app.CreateClient();

        var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;

        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        var faults = ready.GetProperty("checks").GetProperty("faults");
        Assert.Equal(0.25, faults.GetProperty("errorRate").GetDouble());
        Assert.Equal(200, faults.GetProperty("addedLatencyMs").GetDouble());
    }

    [Fact]
    public async Task Start_CrashOnStartSwitch_FailsStartupNamingTheSwitch()
    {
        await using var app = new ChatAgentApp(new() { ["Faults:CrashOnStart"] = "true" });

        var error = Assert.Throws<InjectedFaultException>(app.StartServer);

        Assert.Contains("Faults:CrashOnStart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ready_MemoryHogSwitch_ReportsTheBytesActuallyHeld()
    {
        await using var app = new ChatAgentApp(new() { ["Faults:MemoryHogMegabytes"] = "3" });
        using var client = app.CreateClient();

        var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;

        Assert.Equal("Degraded", ready.GetProperty("status").GetString());
        Assert.Equal(3 * 1024 * 1024, ready.GetProperty("checks").GetProperty("faults").GetProperty("memoryHogBytes").GetInt64());
    }

    [Fact]
    public async Task Run_NewErrorCodeSwitch_Returns500WithTheNewCode()
    {
        await using var app = new ChatAgentApp(new() { ["Faults:ErrorRate"] = "1", ["Faults:NewErrorCode"] = "true" });
        using var client = app.CreateClient();

        using var response = await client.PostAsync("/agent/run", HttpAssert.Json("""{"message":"hi"}"""));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.InternalServerError, "agent.injected_new_error");
    }

    [Fact]
    public async Task Start_NewErrorCodeWithoutErrorRate_FailsStartupNamingBothKeys()
    {
        await using var app = new ChatAgentApp(new() { ["Faults:NewErrorCode"] = "true" });

        var error = Assert.ThrowsAny<Exception>(app.StartServer);

        Assert.Contains("Faults:NewErrorCode needs Faults:ErrorRate", error.ToString(), StringComparison.Ordinal);
    }
}
