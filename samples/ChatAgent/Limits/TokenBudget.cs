using System.Collections.Concurrent;
using ChatAgent.Metrics;
using Microsoft.Extensions.Options;

namespace ChatAgent.Limits;

/// <summary>
/// Per-user and global token budgets over fixed windows on the injected clock. A turn is admitted while both budgets
/// have tokens left and charged afterwards with what it really used (the provider's count, else the estimate), so the
/// last admitted turn of a window may overshoot by its own size: a turn's cost is not known before it runs.
/// </summary>
internal sealed class TokenBudget(IOptions<TokenBudgetOptions> options, TimeProvider time, AgentMetrics metrics)
{
    public const string UserScope = "user";
    public const string GlobalScope = "global";

    private Window _window = new(DateTimeOffset.MinValue);

    public TokenBudgetRejection? TryAdmit(string user)
    {
        var (window, resetsIn) = Current();
        var limits = options.Value;
        var scope = Interlocked.Read(ref window.GlobalUsed) >= limits.GlobalTokensPerWindow ? GlobalScope
            : window.Users.TryGetValue(user, out var used) && used >= limits.UserTokensPerWindow ? UserScope
            : null;
        if (scope is null)
        {
            return null;
        }

        metrics.TokenBudgetRejections.Add(1, new KeyValuePair<string, object?>("scope", scope));
        return new TokenBudgetRejection(scope, resetsIn);
    }

    public void Charge(string user, long tokens)
    {
        if (tokens <= 0)
        {
            return;
        }

        var (window, _) = Current();
        window.Users.AddOrUpdate(user, tokens, (_, used) => used + tokens);
        Interlocked.Add(ref window.GlobalUsed, tokens);
    }

    public TokenBudgetSnapshot Snapshot()
    {
        var (window, resetsIn) = Current();
        var limits = options.Value;
        return new TokenBudgetSnapshot(
            Math.Max(0, limits.GlobalTokensPerWindow - Interlocked.Read(ref window.GlobalUsed)),
            limits.GlobalTokensPerWindow,
            limits.UserTokensPerWindow,
            resetsIn);
    }

    // A new window replaces the old one whole, so per-user counts of past windows are dropped, not swept.
    private (Window Window, TimeSpan ResetsIn) Current()
    {
        var now = time.GetUtcNow();
        var length = options.Value.TokenWindow;
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % length.Ticks), TimeSpan.Zero);
        var window = Volatile.Read(ref _window);
        while (window.Start < start)
        {
            var fresh = new Window(start);
            var seen = Interlocked.CompareExchange(ref _window, fresh, window);
            window = ReferenceEquals(seen, window) ? fresh : seen;
        }

        return (window, start + length - now);
    }

    private sealed class Window(DateTimeOffset start)
    {
#pragma warning disable CA1051 // A field, so Interlocked can update it in place.
        public long GlobalUsed;
#pragma warning restore CA1051

        public DateTimeOffset Start { get; } = start;

        public ConcurrentDictionary<string, long> Users { get; } = new(StringComparer.Ordinal);
    }
}
