using System.Collections.Immutable;
using Airlock.Core.Config;
using Airlock.Readiness.Live;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Live;

/// <summary>Runs the live check against a URL with an airlock.yaml text and a chosen environment, in a real git repository.</summary>
internal static class LiveRun
{
    public static async Task<IReadOnlyList<RubricRow>> RunAsync(
        Uri url,
        string yaml = "",
        string? expectRevision = "test-revision",
        IReadOnlyDictionary<string, string>? environment = null)
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "live\n").Commit();
        var config = yaml.Length == 0 ? AirlockConfig.Default : AirlockConfigLoader.Parse(yaml, "airlock.yaml");

        // The build machine is shared (load averages of 30+ on 2 cores were seen): unless a test is about timeouts,
        // give each request and the run room, so that only the behaviour under test decides the rows.
        if (!yaml.Contains("timeout:", StringComparison.Ordinal))
        {
            config = config with { Live = config.Live with { Timeout = TimeSpan.FromSeconds(45), Deadline = TimeSpan.FromSeconds(180) } };
        }
        var target = new LiveTarget
        {
            BaseUri = url,
            ExpectRevision = expectRevision,
            Environment = (environment ?? new Dictionary<string, string>()).ToImmutableDictionary(),
        };
        var check = new LiveCheck(target, UnavailableWidgetProbe.NoDriver);
        return await check.RunAsync(repo.Context(config), CancellationToken.None);
    }

    public static RubricRow Row(this IReadOnlyList<RubricRow> rows, string id) =>
        rows.Single(r => r.Id == "live." + id);

    public static string Evidence(this RubricRow row) => string.Join('\n', row.Evidence.Select(e => e.Message + " " + e.RedactedValue));
}
