namespace Airlock.Readiness.Secrets.Baseline;

/// <summary>What <c>airlock check --update-baseline</c> wrote.</summary>
/// <param name="Path">The baseline file written.</param>
/// <param name="Added">Findings newly accepted.</param>
/// <param name="Kept">Entries kept, with their reasons.</param>
/// <param name="Removed">Entries dropped because nothing matches them any more.</param>
public sealed record BaselineUpdate(string Path, int Added, int Kept, int Removed);
