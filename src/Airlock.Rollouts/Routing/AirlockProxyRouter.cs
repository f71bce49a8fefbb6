using System.Globalization;
using System.Net;
using System.Text.Json;
using Airlock.Core.Deployment;
using Microsoft.Extensions.Logging;

namespace Airlock.Rollouts.Routing;

/// <summary>
/// <see cref="ITrafficRouter"/> over <c>airlock proxy</c>'s admin API: reads the whole route file, replaces one
/// route's revisions and weights, PUTs it with <c>If-Match</c>, then reads it back and compares: a change is
/// reported applied only when the proxy serves it.
/// </summary>
internal sealed partial class AirlockProxyRouter(ProxyAdminClient client, string route, RouteSpec defaults, ILogger logger) : ITrafficRouter
{
    public string Route { get; } = route;

    public async Task<RouteState> ReadAsync(CancellationToken cancellationToken)
    {
        var (state, _) = await ReadTableAsync(cancellationToken);
        return await WithServingStatesAsync(state, cancellationToken);
    }

    public async Task<RouteState> ApplyAsync(RouteState desired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(desired);
        if (!string.Equals(desired.Route, Route, StringComparison.Ordinal))
        {
            throw new ArgumentException($"this router drives route '{Route}', not '{desired.Route}'.", nameof(desired));
        }

        var (current, text) = await ReadTableAsync(cancellationToken);
        if (current.Version != desired.Version)
        {
            throw new RouterException($"route table version {desired.Version} is not the serving version {current.Version}; read it again and reapply.") { Code = "stale_version" };
        }

        var body = RouteFile.Parse(text).Render(desired, defaults);
        var ifMatch = $"\"{desired.Version.ToString(CultureInfo.InvariantCulture)}\"";
        for (var attempt = 0; ; attempt++)
        {
            ProxyAdminResponse put;
            try
            {
                put = await client.PutOnceAsync("/admin/routes", body, ifMatch, cancellationToken);
            }
            catch (Exception ex) when (ProxyAdminClient.IsTransportFailure(ex, cancellationToken))
            {
                if (!await client.BackOffAsync(attempt, ex, cancellationToken))
                {
                    throw new RouterException($"the proxy admin API at {client.Options.Admin} did not answer the change after {attempt + 1} attempts: {ex.Message}", ex) { Code = "unreachable" };
                }

                // The lost answer may hide an applied change: look before putting again.
                var (seen, _) = await ReadTableAsync(cancellationToken);
                if (Matches(seen, desired))
                {
                    LogApplied(seen);
                    return await WithServingStatesAsync(seen, cancellationToken);
                }

                if (seen.Version != desired.Version)
                {
                    throw new RouterException($"route table changed to version {seen.Version} by another writer while this change's answer was lost; read it again and reapply.") { Code = "stale_version" };
                }

                continue;
            }

            if (!put.IsSuccess)
            {
                Log.Refused(logger, Route, put.Describe());
                throw new RouterException($"the proxy refused the change to route '{Route}': {put.Describe()}") { Code = put.ProblemCode ?? $"http_{(int)put.Status}" };
            }

            break;
        }

        var (applied, _) = await ReadTableAsync(cancellationToken);
        if (!Matches(applied, desired))
        {
            throw new RouterException($"the proxy accepted the change to route '{Route}' but serves {Describe(applied)} at version {applied.Version}, not {Describe(desired)}.") { Code = "not_applied" };
        }

        LogApplied(applied);
        return await WithServingStatesAsync(applied, cancellationToken);
    }

    /// <summary>"v1=95 v2=5", for logs and errors.</summary>
    public static string Describe(RouteState state) => new RouteWeights(state).ToString();

    private void LogApplied(RouteState state) => Log.Applied(logger, Route, state.Version, new RouteWeights(state));

    private static bool Matches(RouteState served, RouteState desired) =>
        served.Salt == desired.Salt
        && served.Revisions.Length == desired.Revisions.Length
        && served.Revisions.Zip(desired.Revisions).All(p =>
            p.First.Name == p.Second.Name && p.First.Weight == p.Second.Weight
            && Uri.Compare(p.First.Upstream, p.Second.Upstream, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);

    private async Task<(RouteState State, string Text)> ReadTableAsync(CancellationToken cancellationToken)
    {
        var response = await client.GetAsync("/admin/routes", cancellationToken);
        if (!response.IsSuccess)
        {
            throw new RouterException($"GET /admin/routes failed: {response.Describe()}") { Code = response.ProblemCode ?? $"http_{(int)response.Status}" };
        }

        if (response.Body.ValueKind != JsonValueKind.Object
            || !response.Body.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
            || !response.Body.TryGetProperty("routes", out var routes) || routes.ValueKind != JsonValueKind.String)
        {
            throw new RouterException("GET /admin/routes answered without 'version' and 'routes'.") { Code = "bad_answer" };
        }

        var text = routes.GetString()!;
        return (RouteFile.Parse(text).Read(Route, version.GetInt64()), text);
    }

    /// <summary>
    /// Adds each revision's serving/draining/drained state from <c>GET /admin/revisions/{route}</c> when the proxy
    /// reports it (the windows endpoint's branch adds <c>state</c>); an older proxy leaves "serving".
    /// </summary>
    private async Task<RouteState> WithServingStatesAsync(RouteState state, CancellationToken cancellationToken)
    {
        if (state.Revisions.IsEmpty)
        {
            return state;
        }

        var response = await client.GetAsync($"/admin/revisions/{Uri.EscapeDataString(Route)}", cancellationToken);
        if (response.Status == HttpStatusCode.NotFound || !response.IsSuccess
            || response.Body.ValueKind != JsonValueKind.Object || !response.Body.TryGetProperty("revisions", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return state;
        }

        var states = list.EnumerateArray()
            .Where(r => r.TryGetProperty("name", out _) && r.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String)
            .ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("state").GetString()!, StringComparer.Ordinal);
        return states.Count == 0
            ? state
            : state with { Revisions = [.. state.Revisions.Select(r => states.TryGetValue(r.Name, out var s) ? r with { State = s } : r)] };
    }
}
