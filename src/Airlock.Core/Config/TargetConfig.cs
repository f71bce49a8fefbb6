namespace Airlock.Core.Config;

/// <summary>Facts about the deploy target that the static checks compare the repository against.</summary>
public sealed record TargetConfig
{
    /// <summary>glibc of Debian 12 (bookworm), the default runtime base of the official .NET images.</summary>
    public const string DefaultGlibc = "2.36";

    /// <summary>The branch the platform deploys; null means the remote's default branch.</summary>
    public string? Branch { get; init; }

    /// <summary>The newest <c>GLIBC_x.y</c> symbol version the target provides.</summary>
    public string Glibc { get; init; } = DefaultGlibc;

    /// <summary>Whether the target resolves Git LFS pointers into real files when it checks out.</summary>
    public bool Lfs { get; init; }

    /// <summary>An HTTP health endpoint the platform probes (counts as a health check for the Dockerfile row).</summary>
    public string? HealthEndpoint { get; init; }
}
