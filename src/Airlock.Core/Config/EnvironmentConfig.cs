using System.Collections.Immutable;

namespace Airlock.Core.Config;

/// <summary>Environment variables the deployment provides to the app.</summary>
public sealed record EnvironmentConfig
{
    public ImmutableArray<string> Declared { get; init; } = [];
}
