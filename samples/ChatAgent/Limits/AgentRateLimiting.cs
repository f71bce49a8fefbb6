using System.Globalization;
using System.Threading.RateLimiting;
using ChatAgent.Errors;
using ChatAgent.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatAgent.Limits;

/// <summary>
/// Per-user fixed windows (ASP.NET Core's in-box limiter): one user cannot spend everyone's model quota; and one
/// global window over agent turns, so many users together cannot either.
/// A rejection is a 429 problem with Retry-After, so the widget can tell the user when to try again.
/// </summary>
internal static class AgentRateLimiting
{
    public const string PerUserPolicy = "per-user";

    private const string GlobalPartition = "global";

    public static IServiceCollection AddAgentRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerUserPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(UserKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerWindow,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });
            // The global limiter runs for every request; only agent turns are counted, so health probes and /version
            // keep answering while the agent is saturated.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!IsAgentTurn(context))
                {
                    return RateLimitPartition.GetNoLimiter(string.Empty);
                }

                var options = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(GlobalPartition, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.GlobalPermitsPerWindow,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : (int)Math.Ceiling(rejected.HttpContext.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Window.TotalSeconds);
                var http = rejected.HttpContext;
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

    private static bool IsAgentTurn(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/agent", StringComparison.OrdinalIgnoreCase);

    // The anonymous widget has no login; the client address is the identity it has. Behind a proxy this needs
    // forwarded headers (UseForwardedHeaders with the proxy's address as known), or every user shares one bucket.
    private static string UserKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
