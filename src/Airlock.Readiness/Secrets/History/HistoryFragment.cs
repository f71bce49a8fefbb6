namespace Airlock.Readiness.Secrets.History;

/// <summary>
/// The lines one commit added to one file (or a slice of them, when they exceed the fragment cap),
/// joined with <c>'\n'</c>.
/// </summary>
/// <param name="Commit">Full commit id.</param>
/// <param name="Path">The file's path after the commit, relative to the root, forward slashes.</param>
/// <param name="Content">The added lines, without their <c>+</c> and line ending.</param>
/// <param name="FileLines">For each line of <paramref name="Content"/>, its 1-based line number in the file.</param>
/// <param name="Sequence">Position in git's output: a higher number is older history.</param>
internal sealed record HistoryFragment(string Commit, string Path, string Content, int[] FileLines, long Sequence)
{
    /// <summary>The file line of a 1-based line of <see cref="Content"/>; 0 when out of range.</summary>
    public int FileLineOf(int contentLine) =>
        contentLine >= 1 && contentLine <= FileLines.Length ? FileLines[contentLine - 1] : 0;
}
