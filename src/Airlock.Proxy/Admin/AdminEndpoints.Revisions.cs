using System.Globalization;
using Airlock.Proxy.Routing;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Admin;

internal sealed partial class AdminEndpoints
{
    private async Task GetRevisionsAsync(HttpContext context, string routeName)
    {
        if (await FindRouteAsync(context, routeName) is not { } found)
        {
            return;
        }

        var (table, route) = found;
        var revisions = RevisionNames(routeName, route)
            .Select(name => RevisionSnapshot.From(telemetry.For(routeName, name), route?.Find(name)?.Weight, drains.Status(routeName, name, route).State))
            .ToList();
        await WriteJsonAsync(context, StatusCodes.Status200OK, new { route = routeName, version = table.Generation, revisions });
    }

    private async Task GetWindowAsync(HttpContext context, string routeName)
    {
        var last = context.Request.Query["last"];
        if (last.Count > 1 || !WindowLength.TryParse(last.Count == 0 ? null : last[0], out var seconds))
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "invalid_window", $"'{last}' is not a window length.", new() { ["hint"] = WindowLength.Hint });
            return;
        }

        if (await FindRouteAsync(context, routeName) is not { } found)
        {
            return;
        }

        var (table, route) = found;
        var now = telemetry.Time.GetUtcNow();
        var revisions = RevisionNames(routeName, route)
            .Select(name => RevisionWindowSnapshot.From(
                telemetry.For(routeName, name),
                telemetry.For(routeName, name).Window.Query(seconds, now),
                route?.Find(name)?.Weight,
                drains.Status(routeName, name, route).State))
            .ToList();
        var from = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() - seconds + 1);
        await WriteJsonAsync(context, StatusCodes.Status200OK, new
        {
            route = routeName,
            version = table.Generation,
            window = new { seconds, from = Iso(from), to = Iso(now) },
            revisions,
        });
    }

    private async Task GetDrainAsync(HttpContext context, string routeName)
    {
        if (await FindRouteAsync(context, routeName) is not { } found)
        {
            return;
        }

        var (table, route) = found;
        var revisions = drains.Statuses(routeName, route).Select(s => new
        {
            name = s.Name,
            state = RevisionSnapshot.StateName(s.State),
            inFlight = s.InFlight,
            drainingSince = Iso(s.DrainingSince),
            deadline = Iso(s.Deadline),
            drainedAt = Iso(s.DrainedAt),
            cut = s.Cut,
        }).ToList();
        await WriteJsonAsync(context, StatusCodes.Status200OK, new
        {
            route = routeName,
            version = table.Generation,
            drainTimeoutSeconds = drains.DrainTimeout.TotalSeconds,
            revisions,
        });
    }

    /// <summary>The serving route by name, or null after writing 404 when the route neither serves nor was ever measured.</summary>
    private async Task<(RouteTable Table, Route? Route)?> FindRouteAsync(HttpContext context, string routeName)
    {
        var table = routes.Table;
        var route = table.Find(routeName);
        if (route is null && !telemetry.Snapshot().Any(r => r.Route == routeName))
        {
            await WriteProblemAsync(context, StatusCodes.Status404NotFound, "unknown_route", $"No route '{routeName}' is serving or has been measured.");
            return null;
        }

        return (table, route);
    }

    /// <summary>Revisions in the table, even before their first request, then removed ones while their telemetry lasts.</summary>
    private IEnumerable<string> RevisionNames(string routeName, Route? route) =>
        (route?.Revisions.Select(r => r.Name) ?? [])
            .Concat(telemetry.Snapshot().Where(r => r.Route == routeName).Select(m => m.Revision))
            .Distinct(StringComparer.Ordinal);

    private static string? Iso(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task GetMetricsAsync(HttpContext context)
    {
        var text = MetricsExposition.Write(telemetry, routes.Table, drains);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = PrometheusText.ContentType;
        await context.Response.WriteAsync(text, CancellationToken.None);
    }
}
