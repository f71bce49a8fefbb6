namespace Airlock.Cli.Lint;

/// <summary>One error in <c>airlock lint --json</c>, 1-based line and column.</summary>
internal sealed record LintError(string File, int Line, int Column, string Message, string? Hint);
