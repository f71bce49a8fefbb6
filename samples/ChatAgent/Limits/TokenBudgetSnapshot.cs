namespace ChatAgent.Limits;

/// <summary>What readiness shows: the global budget left in the current window and when it resets.</summary>
internal sealed record TokenBudgetSnapshot(long GlobalTokensLeft, long GlobalTokensPerWindow, long UserTokensPerWindow, TimeSpan ResetsIn);
