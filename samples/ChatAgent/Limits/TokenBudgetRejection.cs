namespace ChatAgent.Limits;

/// <param name="Scope">"user" or "global": whose budget is spent.</param>
/// <param name="RetryAfter">Until the window resets.</param>
internal sealed record TokenBudgetRejection(string Scope, TimeSpan RetryAfter);
