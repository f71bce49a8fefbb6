using System.Text.RegularExpressions;

namespace Airlock.Rollouts.Controller;

/// <summary>Revision names end up in file names, process arguments and route tables, so they are kept plain.</summary>
public static partial class RevisionNames
{
    public const string Rule = "a revision name is 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit (for example v2 or 2026-11-22.1)";

    public static bool IsValid(string name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
