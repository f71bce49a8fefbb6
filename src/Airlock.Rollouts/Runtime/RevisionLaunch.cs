using System.Collections.Immutable;
using Airlock.Core.Deployment;

namespace Airlock.Rollouts.Runtime;

/// <summary>What to start: the revision's name, how the service runs, and environment added for this revision.</summary>
public sealed record RevisionLaunch(string Revision, ServiceSpec Service, ImmutableDictionary<string, string> ExtraEnvironment);
