using Airlock.ChatAgent.Tests.Fakes;
using ChatAgent.Model;
using Microsoft.Extensions.AI;

namespace Airlock.ChatAgent.Tests.Model;

public class ConversationStoreTests
{
    private static (ConversationStore Store, FakeTimeProvider Clock) Create(int max = 3, int idleMinutes = 30)
    {
        var clock = new FakeTimeProvider(ChatAgentApp.Start);
        var options = Microsoft.Extensions.Options.Options.Create(new ModelOptions { MaxConversations = max, ConversationIdleTimeout = TimeSpan.FromMinutes(idleMinutes) });
        return (new ConversationStore(options, clock), clock);
    }

    private static ChatMessage[] Turn(string text) => [new(ChatRole.User, text), new(ChatRole.Assistant, "ok")];

    [Fact]
    public void Get_UnknownConversation_IsEmpty()
    {
        var (store, _) = Create();

        Assert.Empty(store.Get("nope"));
    }

    [Fact]
    public void Get_IdleLongerThanTimeout_IsForgotten()
    {
        var (store, clock) = Create(idleMinutes: 30);
        store.Save("c1", Turn("hi"));

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(2, store.Get("c1").Count);
        clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(store.Get("c1"));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Save_OverMaxConversations_ForgetsTheOneIdleLongest()
    {
        var (store, clock) = Create(max: 3);
        foreach (var id in new[] { "a", "b", "c" })
        {
            store.Save(id, Turn(id));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        store.Save("a", Turn("a again")); // a is now the most recent; b is idle longest
        clock.Advance(TimeSpan.FromSeconds(1));
        store.Save("d", Turn("d"));

        Assert.Equal(3, store.Count);
        Assert.Empty(store.Get("b"));
        Assert.NotEmpty(store.Get("a"));
        Assert.NotEmpty(store.Get("c"));
        Assert.NotEmpty(store.Get("d"));
    }
}
