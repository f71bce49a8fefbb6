using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Dependencies;

/// <summary>The shape every dependency row shares (Degrades It at Build), and where in a manifest a name stands.</summary>
internal static class DependencyRow
{
    public static RubricRowTemplate Create(string row, string failureMode, string test, string fix) =>
        RubricRowTemplate.DegradesBuild(DependenciesCheck.CheckId, row, failureMode, test, fix);

    /// <summary>The 1-based line of the first occurrence of <paramref name="needle"/>, or null.</summary>
    public static int? LineOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        return index < 0 ? null : text.AsSpan(0, index).Count('\n') + 1;
    }
}
