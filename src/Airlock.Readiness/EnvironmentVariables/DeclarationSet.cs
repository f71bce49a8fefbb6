using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.EnvironmentVariables;

/// <summary>What <see cref="DeclarationReader"/> found: the declarations, one line per source, and files it could not use.</summary>
internal sealed record DeclarationSet(DeclaredVariables Declared, IReadOnlyList<Evidence> Sources, IReadOnlyList<Evidence> BrokenFiles, IReadOnlyList<Evidence> IgnoredLines);
