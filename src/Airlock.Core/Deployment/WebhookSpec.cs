using System.Collections.Immutable;

namespace Airlock.Core.Deployment;

/// <summary>A JSON POST on rollout events (for example to a chat channel's incoming webhook).</summary>
public sealed record WebhookSpec(Uri Url, ImmutableArray<string> Events);
