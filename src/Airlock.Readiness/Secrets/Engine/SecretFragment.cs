namespace Airlock.Readiness.Secrets.Engine;

/// <summary>
/// A piece of text to scan: a whole file, or the added lines of one file in one commit joined with <c>'\n'</c>.
/// </summary>
/// <param name="Path">The file's path relative to the repository root, with forward slashes.</param>
/// <param name="Content">The text.</param>
public sealed record SecretFragment(string Path, string Content)
{
    /// <summary>The commit the text was added in, when it comes from history (allowlists can name commits).</summary>
    public string? Commit { get; init; }
}
