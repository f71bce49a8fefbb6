namespace Airlock.Rollouts.Controller;

/// <summary>One verification probe's result: what was expected, what came back.</summary>
public sealed record ProbeOutcome(string Name, bool Passed, int? Status, string Detail);
