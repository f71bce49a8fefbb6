namespace Airlock.ChatAgent.Tests.Tools;

public class ToolOptionsTests
{
    [Fact]
    public async Task Start_BadToolSettings_FailsStartupNamingEveryKey()
    {
        await using var app = new ChatAgentApp(new()
        {
            ["Tools:Timeouts:clok"] = "00:00:01",
            ["Tools:Timeouts:clock"] = "00:00:00",
            ["Tools:MaxRounds"] = "0",
        });

        var error = Assert.ThrowsAny<Exception>(app.StartServer).ToString();

        Assert.Contains("Tools:Timeouts:clok names no tool; known tools: clock, knowledge_base_search.", error, StringComparison.Ordinal);
        Assert.Contains("Tools:Timeouts:clock must be between", error, StringComparison.Ordinal);
        Assert.Contains("Tools:MaxRounds must be between 1 and 10 (got 0).", error, StringComparison.Ordinal);
    }
}
