namespace Airlock.Core.Deployment;

/// <summary>One token of a condition; <see cref="Column"/> is its 0-based offset in the condition text.</summary>
/// <param name="Suffix">For a number: the unit letters written right after it (<c>%</c>, <c>ms</c>, <c>x</c>), else empty.</param>
internal readonly record struct ConditionToken(ConditionTokenKind Kind, string Text, int Column, double Number = 0, string Suffix = "");
