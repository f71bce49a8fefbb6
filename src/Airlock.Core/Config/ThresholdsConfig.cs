namespace Airlock.Core.Config;

/// <summary>Size limits of common hosts (GitHub: 100 MiB push limit, 50 MiB warning, 25 MiB web upload).</summary>
public sealed record ThresholdsConfig
{
    public const long MiB = 1024 * 1024;

    public long FileFailBytes { get; init; } = 100 * MiB;

    public long FileWarnBytes { get; init; } = 50 * MiB;

    public long FileNoteBytes { get; init; } = 25 * MiB;
}
