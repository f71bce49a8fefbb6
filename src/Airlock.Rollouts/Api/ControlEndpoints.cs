using System.Collections.Immutable;
using Airlock.Core.Security;
using Airlock.Rollouts.Controller;
using Airlock.Rollouts.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Airlock.Rollouts.Api;

/// <summary>The routes of the control API; every write goes through the controller's queue, never to the engine directly.</summary>
internal sealed class ControlEndpoints(BearerToken token, RolloutController controller, IRolloutStore store)
{
    private const int LedgerTail = 200;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", StatusAsync);
        app.MapGet("/api/rollouts", ListAsync);
        app.MapGet("/api/rollouts/{id:long}", DetailAsync);
        var writes = app.MapGroup("/api").AddEndpointFilter(RequireTokenAsync);
        writes.MapPost("/rollouts", DeployAsync);
        writes.MapPost("/rollouts/current/{action}", CommandAsync);
        writes.MapPost("/undo", (CancellationToken ct) => AnswerAsync(controller.SendAsync(RolloutCommandKind.Undo, false, ct)));
    }

    private async ValueTask<object?> RequireTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        if (!token.Authorizes(header))
        {
            context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return Problem(StatusCodes.Status401Unauthorized, "unauthorized", "A bearer token is required for this request.",
                "the token is in .airlock/serve.token next to airlock.yaml (the CLI reads it for you)");
        }

        return await next(context);
    }

    private async Task<IResult> StatusAsync(CancellationToken cancellationToken) =>
        Results.Json(await ReadStatusAsync(cancellationToken), RolloutJson.Options);

    /// <summary>The status document, shared with the dashboard's event stream.</summary>
    public async Task<StatusView> ReadStatusAsync(CancellationToken cancellationToken)
    {
        var snapshot = controller.Snapshot;
        var ledger = snapshot.Active is { } active
            ? await store.ReadLedgerAsync(active.Id, 0, cancellationToken)
            : snapshot.Last is { } last ? await store.ReadLedgerAsync(last.Id, 0, cancellationToken) : [];
        return new StatusView(
            snapshot.Service,
            snapshot.Stable,
            snapshot.Active is null ? null : RolloutView.From(snapshot.Active),
            snapshot.Last is null ? null : RolloutView.From(snapshot.Last),
            snapshot.LastVerdict,
            snapshot.Instances,
            [.. ledger.TakeLast(LedgerTail)],
            controller.LastError,
            snapshot.At);
    }

    private async Task<IResult> ListAsync(int? limit, CancellationToken cancellationToken)
    {
        var rollouts = await store.ListAsync(Math.Clamp(limit ?? 20, 1, 500), cancellationToken);
        return Results.Json(rollouts.Select(RolloutView.From).ToImmutableArray(), RolloutJson.Options);
    }

    private async Task<IResult> DetailAsync(long id, CancellationToken cancellationToken)
    {
        var rollout = await store.GetAsync(id, cancellationToken);
        if (rollout is null)
        {
            return Problem(StatusCodes.Status404NotFound, "unknown_rollout", $"There is no rollout {id}.", "airlock history lists them");
        }

        var ledger = await store.ReadLedgerAsync(id, 0, cancellationToken);
        return Results.Json(new RolloutDetailView(RolloutView.From(rollout), [.. ledger]), RolloutJson.Options);
    }

    private Task<IResult> DeployAsync(DeployBody? body, CancellationToken cancellationToken)
    {
        if (body?.Revision is not { Length: > 0 } revision || !RevisionNames.IsValid(revision))
        {
            return Task.FromResult(Problem(StatusCodes.Status400BadRequest, "invalid_revision",
                "The revision name is missing or not valid.", RevisionNames.Rule));
        }

        var request = new DeployRequest(revision, body.Environment ?? ImmutableDictionary<string, string>.Empty, body.Force, body.Reason);
        return AnswerAsync(controller.DeployAsync(request, cancellationToken), StatusCodes.Status202Accepted);
    }

    private Task<IResult> CommandAsync(string action, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<RolloutCommandKind>(action, ignoreCase: true, out var kind) || kind == RolloutCommandKind.Undo)
        {
            return Task.FromResult(Problem(StatusCodes.Status404NotFound, "unknown_action", $"'{action}' is not an action.",
                "actions: promote, approve, pause, resume, abort"));
        }

        var full = kind == RolloutCommandKind.Promote
            && request.Query.TryGetValue("full", out var value) && bool.TryParse(value, out var parsed) && parsed;
        return AnswerAsync(controller.SendAsync(kind, full, cancellationToken));
    }

    private static async Task<IResult> AnswerAsync(Task<CommandResult> pending, int acceptedStatus = StatusCodes.Status200OK)
    {
        var result = await pending;
        return Results.Json(result, RolloutJson.Options, statusCode: result.Accepted ? acceptedStatus : StatusCodes.Status409Conflict);
    }

    private static IResult Problem(int status, string code, string title, string hint) =>
        Results.Json(new { type = $"https://airlock.dev/problems/{code.Replace('_', '-')}", title, status, code, hint },
            RolloutJson.Options, "application/problem+json", status);
}
