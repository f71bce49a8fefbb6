namespace Airlock.Core.Config;

/// <summary>A place in a configuration file, 1-based.</summary>
public readonly record struct ConfigLocation(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
