namespace Airlock.Rollouts.Controller;

public sealed record PreflightFailure(string RowId, string Summary);
