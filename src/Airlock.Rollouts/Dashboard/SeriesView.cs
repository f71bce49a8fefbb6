using System.Collections.Immutable;

namespace Airlock.Rollouts.Dashboard;

/// <summary><c>GET /api/series</c>: samples taken after <c>since</c>, and the thresholds to draw.</summary>
internal sealed record SeriesView(DateTimeOffset At, ImmutableArray<SeriesPoint> Points, ImmutableArray<SeriesThreshold> Thresholds);
