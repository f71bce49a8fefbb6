using System.Collections.Immutable;
using Airlock.Core.Config;

namespace Airlock.Proxy.Admin;

/// <summary>What became of a requested route table change, and the generation serving afterwards.</summary>
internal sealed record RouteChange(RouteChangeOutcome Outcome, long Generation, ImmutableArray<ConfigError> Errors, string? Detail = null);
