using System.Collections.Immutable;
using Airlock.Rollouts.Metrics;

namespace Airlock.Rollouts.Tests.Metrics;

public sealed class RevisionWindowTests
{
    [Fact]
    public void ErrorRate_NoRequests_IsNull()
    {
        Assert.Null(Window(requests: 0, errors: 0).ErrorRate);
    }

    [Fact]
    public void ErrorRate_SomeErrors_IsErrorsOverRequests()
    {
        Assert.Equal(0.25, Window(requests: 40, errors: 10).ErrorRate);
    }

    private static RevisionWindow Window(long requests, long errors) =>
        new("v2", TimeSpan.FromMinutes(1), requests, errors, 0, QuantileSet.Empty, QuantileSet.Empty,
            ImmutableDictionary<string, long>.Empty, ImmutableDictionary<string, double>.Empty);
}
