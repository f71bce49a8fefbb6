namespace Airlock.Readiness.Secrets.Rules;

/// <summary>Where something in a rules file was written, for error messages.</summary>
/// <param name="File">The rules file as the user named it, or a description for built-in rules.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column, or 0 when unknown.</param>
public sealed record RuleLocation(string File, int Line, int Column = 0)
{
    public override string ToString() => Column > 0 ? $"{File}:{Line}:{Column}" : $"{File}:{Line}";
}
