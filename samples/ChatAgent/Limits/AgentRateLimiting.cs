using System.Globalization;
using System.Threading.RateLimiting;
using ChatAgent.Errors;
using ChatAgent.Metrics;
using ChatAgent.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatAgent.Limits;

/// <summary>
/// ASP.NET Core's in-box limiter, three layers deep: a per-user fixed window (one user cannot spend everyone's model
/// quota), a global window over agent turns (many users together cannot either), and a cap on turns in flight (a
/// stream holds its slot until it ends). A rejection is a 429 problem with Retry-After, so the widget can say when to retry.
/// </summary>
internal static class AgentRateLimiting
{
    public const string PerUserPolicy = "per-user";

    private const string GlobalPartition = "global";
    private const string ConcurrencyPartition = "in-flight";

    // A turn in flight usually ends within seconds; a rejection by the concurrency cap is worth retrying soon.
    private const int ConcurrencyRetryAfterSeconds = 1;

    public static IServiceCollection AddAgentRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerUserPolicy, context =>
            {
                var options = Options(context);
                return RateLimitPartition.GetFixedWindowLimiter(UserKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerWindow,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });

            // Global limiters run for every request; only agent turns are counted, so health probes and /version
            // keep answering while the agent is saturated.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsAgentTurn(context)
                    ? RateLimitPartition.GetFixedWindowLimiter(GlobalPartition, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Options(context).GlobalPermitsPerWindow,
                        Window = Options(context).Window,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => IsAgentTurn(context)
                    ? RateLimitPartition.GetConcurrencyLimiter(ConcurrencyPartition, _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = Options(context).MaxConcurrentTurns,
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(string.Empty)));

            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                // Windows say when they reopen; the concurrency cap does not, and frees up as soon as a turn ends.
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : ConcurrencyRetryAfterSeconds;
                var http = rejected.HttpContext;
                http.RequestServices.GetRequiredService<AgentMetrics>().RateLimitRejections.Add(1);
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                var problem = (ProblemHttpResult)Problems.Create(
                    StatusCodes.Status429TooManyRequests,
                    ErrorCodes.RateLimited,
                    "Too many messages.",
                    $"Please wait {retryAfter} seconds before sending another message.");
                await problem.ExecuteAsync(http);
            };
        });
        return services;
    }

    private static RateLimitOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static bool IsAgentTurn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/agent", StringComparison.OrdinalIgnoreCase);

    // The anonymous widget has no login; the client address is the identity it has. Behind a proxy it is the
    // forwarded address (Forwarding:KnownProxies), or every user would share the proxy's bucket.
    public static string UserKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
