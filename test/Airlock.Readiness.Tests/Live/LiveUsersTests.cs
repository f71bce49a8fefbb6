using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Live;

/// <summary>Row 4's two ways of telling users apart, against the sample's real client-IP buckets.</summary>
public sealed class LiveUsersTests
{
    [Fact]
    public async Task RunAsync_UserHeaderBehindAKnownProxy_RateLimitSeesTwoUsers()
    {
        // The check connects from 127.0.0.1; the sample trusts it as a proxy, so X-Forwarded-For names the user.
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=test-revision", "Forwarding:KnownProxies:0=127.0.0.1");

        var rows = await LiveRun.RunAsync(sample.Url, "live:\n  user_header: X-Forwarded-For\n");

        var rate = rows.Row("rate-limit");
        Assert.True(rate.Result == CheckResult.Pass, rate.Summary + "\n" + rate.Evidence());
        Assert.Contains("2001:db8::", rate.Evidence(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UserHeaderTheServiceIgnores_RateLimitFailsNamingTheSharedLimit()
    {
        // Without Forwarding:KnownProxies the sample ignores X-Forwarded-For: both "users" are 127.0.0.1 to it.
        await using var sample = await SampleProcess.StartAsync("Agent:Revision=test-revision");

        var rows = await LiveRun.RunAsync(sample.Url, "live:\n  user_header: X-Forwarded-For\n");

        var rate = rows.Row("rate-limit");
        Assert.Equal(CheckResult.Fail, rate.Result);
        Assert.Contains("a second user was limited too", rate.Summary, StringComparison.Ordinal);
    }
}
