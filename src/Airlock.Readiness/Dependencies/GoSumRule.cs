using System.Text.RegularExpressions;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Dependencies;

/// <summary>Go: a go.mod that requires modules has its go.sum beside it.</summary>
/// <remarks>go.mod versions are exact already (minimal version selection); go.sum pins their content, and without it
/// <c>go build</c> stops with "missing go.sum entry" under <c>-mod=readonly</c>, the default since Go 1.16.</remarks>
internal static partial class GoSumRule
{
    public static RubricRow Evaluate(WorkingTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var row = DependencyRow.Create(
            "go",
            "A Go module requires dependencies but go.sum is not committed: the build fails or fetches unverified code",
            "Each go.mod with a `require` directive must have go.sum in the same folder",
            "Run `go mod tidy` and commit go.sum.");
        var modules = tree.Named("go.mod").ToList();
        if (modules.Count == 0)
        {
            return row.Skipped("No go.mod in the repository.");
        }

        var failures = new List<Evidence>();
        foreach (var path in modules)
        {
            var text = tree.ReadText(path) ?? string.Empty;
            if (Require().IsMatch(text) && !tree.Contains(WorkingTree.Join(WorkingTree.FolderOf(path), "go.sum")))
            {
                failures.Add(new Evidence("requires modules but go.sum is missing") { File = path, Line = DependencyRow.LineOf(text, "require") });
            }
        }

        return row.Conclude(failures, [], $"{failures.Count} go.mod file(s) without go.sum.", string.Empty, $"{modules.Count} Go module(s) have go.sum or no requirements.");
    }

    [GeneratedRegex(@"^\s*require\b", RegexOptions.Multiline)]
    private static partial Regex Require();
}
