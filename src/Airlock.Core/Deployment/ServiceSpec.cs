using System.Collections.Immutable;

namespace Airlock.Core.Deployment;

/// <summary>How one revision of the service runs on the local process runtime.</summary>
public sealed record ServiceSpec
{
    /// <summary>The route name in the proxy; also names log files and store rows.</summary>
    public required string Name { get; init; }

    /// <summary>Program and arguments; <c>{port}</c> and <c>{revision}</c> are replaced per revision.</summary>
    public required ImmutableArray<string> Command { get; init; }

    /// <summary>Absolute (resolved against the folder of airlock.yaml).</summary>
    public required string WorkingDirectory { get; init; }

    /// <summary>Extra environment; values may use <c>{port}</c> and <c>{revision}</c>.</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    public HealthSpec Health { get; init; } = new();

    /// <summary>Time between SIGTERM and SIGKILL when a revision is stopped.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Absolute folder for <c>&lt;revision&gt;.out.log</c> and <c>&lt;revision&gt;.err.log</c>.</summary>
    public required string LogDirectory { get; init; }
}
