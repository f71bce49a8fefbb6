using System.Collections.Immutable;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>
/// Row 4: a bounded burst from one user meets a 429 with Retry-After, and a second user is then still served. Users
/// are told apart by source address (loopback) or by <c>live.user_header</c>.
/// </summary>
internal sealed class RateLimitRow : ILiveRow
{
    /// <summary>Turns of the burst sent at once.</summary>
    public const int BurstWave = 10;

    public RubricRowTemplate Template(LiveSession session) => new()
    {
        CheckId = LiveCheck.CheckId,
        Row = "rate-limit",
        FailureMode = "No rate limit: one user can exhaust the model quota for everyone",
        Test = $"up to {session.Config.RateLimit.Burst} × POST {session.Config.Turn.Path} from one user, {BurstWave} at a time → a 429 with Retry-After; " +
            $"then one turn from a second user → not 429 (users told apart by {(session.Config.UserHeader is { } header ? $"header {header}" : "source address 127.x.y.z")})",
        Severity = Severity.BlocksLaunch,
        Step = CountdownStep.OpenUrl,
        Fix = "Limit turns per user (a fixed or sliding window) and answer 429 with Retry-After; key the limit by user, not globally.",
    };

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        if (!session.CanSeparateUsers)
        {
            return template.Skipped("cannot tell two users apart on this target: set live.user_header (e.g. X-Forwarded-For behind a known proxy)");
        }

        var burstUser = session.NewUser("burst user");
        var statuses = new Dictionary<string, int>(StringComparer.Ordinal);
        LiveExchange? limited = null;
        var sent = 0;

        // Waves of concurrent turns, stopping after the wave that met the limit: a limit counts arrivals, and a slow
        // service (a tool timing out) must not stretch a 40-turn burst into 40 turns' time.
        while (sent < session.Config.RateLimit.Burst && limited is null)
        {
            var wave = Math.Min(BurstWave, session.Config.RateLimit.Burst - sent);
            var exchanges = await Task.WhenAll(Enumerable.Range(0, wave).Select(_ => session.TurnAsync(burstUser, session.Config.RateLimit.Message, cancellationToken)));
            sent += wave;
            foreach (var exchange in exchanges)
            {
                var key = exchange.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response";
                statuses[key] = statuses.GetValueOrDefault(key) + 1;
            }

            limited = exchanges.FirstOrDefault(e => e.Status == 429);
            if (limited is null && exchanges.FirstOrDefault(e => e.Status is null) is { } unanswered)
            {
                // Turns that get no answer at all say nothing about a limit; the rest of the burst would only wait.
                return template.Fail($"a turn of the burst got no response ({unanswered.Error}), so the limit could not be tested", [LiveText.Of(unanswered)]);
            }
        }

        var tally = string.Join(", ", statuses.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Value} × {s.Key}"));
        var burst = new Evidence($"{burstUser}: {sent} turns: {tally}");
        if (limited is null)
        {
            return template.Fail($"{sent} turns from one user, none limited (429)", [burst]);
        }

        var retryAfter = limited.Header("Retry-After");
        var bystander = session.NewUser("second user");
        var other = await session.TurnAsync(bystander, session.Config.RateLimit.Message, cancellationToken);
        ImmutableArray<Evidence> evidence = [burst, LiveText.Of(limited, $"Retry-After: {retryAfter ?? "(missing)"}"), new Evidence($"{bystander}: {other.Outcome}")];
        if (retryAfter is null)
        {
            return template.Fail($"429 after {sent} turns but without Retry-After: clients cannot tell when to retry", evidence);
        }

        if (other.Status == 429)
        {
            return template.Fail("a second user was limited too: the limit is not per user (or the service cannot tell users apart here)", evidence);
        }

        if (other.Status is null)
        {
            return template.Fail($"the second user's turn got no response: {other.Error}", evidence);
        }

        // A 5xx for the second user is not the limit's doing (the health row counts failed turns); only a 429 would be.
        return template.Pass($"429 after {sent} turns with Retry-After {retryAfter}; a second user was not limited ({other.Status})", evidence);
    }
}
