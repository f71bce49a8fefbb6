using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Toml;

/// <summary>Reads a TOML manifest a check inspects (pyproject.toml, Pipfile, Cargo.toml) without ever throwing.</summary>
internal static class TomlManifest
{
    /// <summary>
    /// The parsed file; an empty table when it cannot be read (as if it declared nothing); null when it is not
    /// valid TOML, with a warning added to <paramref name="problems"/>. The parser's message is left out of the
    /// evidence: it may quote a bare token from the file, and that token may be a secret.
    /// </summary>
    public static TomlTable? Read(WorkingTree tree, string path, ICollection<Evidence> problems)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(problems);
        if (tree.ReadText(path) is not { } text)
        {
            return new TomlTable(1, 1);
        }

        try
        {
            return TomlParser.Parse(text, acceptDates: true);
        }
        catch (TomlException e)
        {
            problems.Add(new Evidence($"is not valid TOML (line {e.Line}, column {e.Column}), so it was not checked") { File = path, Line = e.Line });
            return null;
        }
    }
}
