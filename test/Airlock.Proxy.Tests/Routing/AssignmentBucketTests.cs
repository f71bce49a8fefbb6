using Airlock.Proxy.Routing;

namespace Airlock.Proxy.Tests.Routing;

public sealed class AssignmentBucketTests
{
    [Fact]
    public void Compute_SameSaltAndKey_SameBucketInRange()
    {
        var bucket = AssignmentBucket.Compute("rollout-7", "user-42");

        Assert.InRange(bucket, 0, AssignmentBucket.Count - 1);
        Assert.Equal(bucket, AssignmentBucket.Compute("rollout-7", "user-42"));
    }

    [Fact]
    public void Compute_DifferentSalt_ReshufflesTheCanaryUsers()
    {
        // The 10% canary of one rollout and of the next should overlap about as chance does (10% of 10%).
        var keys = Enumerable.Range(0, 5000).Select(i => $"user-{i}").ToArray();
        var first = keys.Where(k => AssignmentBucket.Compute("rollout-1", k) < 1000).ToHashSet();
        var second = keys.Where(k => AssignmentBucket.Compute("rollout-2", k) < 1000).ToHashSet();

        Assert.InRange(first.Count, 400, 600);
        Assert.InRange(first.Intersect(second).Count(), 20, 90);
    }

    [Fact]
    public void Compute_SaltAndKeyBoundary_IsNotAmbiguous() =>
        Assert.NotEqual(AssignmentBucket.Compute("ab", "c"), AssignmentBucket.Compute("a", "bc"));

    [Fact]
    public void Compute_LongKey_IsHashedWhole()
    {
        var longKey = new string('k', 2000);

        Assert.NotEqual(AssignmentBucket.Compute("s", longKey), AssignmentBucket.Compute("s", longKey + "x"));
    }
}
