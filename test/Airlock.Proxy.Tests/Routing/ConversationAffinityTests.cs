using Airlock.Proxy.Routing;

namespace Airlock.Proxy.Tests.Routing;

public sealed class ConversationAffinityTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Lookup_WithinIdleExpiry_KeepsThePinAndRefreshesIt()
    {
        var clock = new ManualTimeProvider(Start);
        var affinity = new ConversationAffinity(clock, capacity: 10, idleExpiry: TimeSpan.FromMinutes(30));
        affinity.Pin("chat", "thread-1", "v1");

        clock.Advance(TimeSpan.FromMinutes(20));
        var first = affinity.Lookup("chat", "thread-1");
        clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal("v1", first);
        Assert.Equal("v1", affinity.Lookup("chat", "thread-1"));
        Assert.Null(affinity.Lookup("other-route", "thread-1"));
    }

    [Fact]
    public void Lookup_AfterIdleExpiry_ForgetsTheConversation()
    {
        var clock = new ManualTimeProvider(Start);
        var affinity = new ConversationAffinity(clock, capacity: 10, idleExpiry: TimeSpan.FromMinutes(30));
        affinity.Pin("chat", "thread-1", "v1");

        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Null(affinity.Lookup("chat", "thread-1"));
        Assert.Equal(0, affinity.Count);
    }

    [Fact]
    public void Pin_AtCapacity_SkipsNewConversationsUntilOldOnesExpire()
    {
        var clock = new ManualTimeProvider(Start);
        var affinity = new ConversationAffinity(clock, capacity: 2, idleExpiry: TimeSpan.FromMinutes(30));
        affinity.Pin("chat", "a", "v1");
        affinity.Pin("chat", "b", "v1");

        affinity.Pin("chat", "c", "v2");
        var whileFull = affinity.Lookup("chat", "c");
        affinity.Pin("chat", "a", "v2");
        clock.Advance(TimeSpan.FromMinutes(31));
        affinity.Pin("chat", "d", "v2");

        Assert.Null(whileFull);
        Assert.Equal("v2", affinity.Lookup("chat", "d"));
        Assert.Equal(1, affinity.Count);
    }
}
