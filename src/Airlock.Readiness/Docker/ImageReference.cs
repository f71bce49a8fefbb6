namespace Airlock.Readiness.Docker;

/// <summary>An image reference as written after <c>FROM</c>: <c>[registry/]name[:tag][@digest]</c>.</summary>
public sealed record ImageReference(string Text, string Name, string? Tag, string? Digest)
{
    /// <summary><c>scratch</c> is not an image to pin.</summary>
    public bool IsScratch => string.Equals(Name, "scratch", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the reference uses a build argument (<c>$BASE</c>), so it cannot be judged statically.</summary>
    public bool IsVariable => Text.Contains('$', StringComparison.Ordinal);

    public static ImageReference Parse(string text)
    {
        var rest = text;
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        return new ImageReference(text, rest, tag, digest);
    }
}
