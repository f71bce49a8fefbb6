using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>One live failure mode: the requests it sends, what it expects, and the row it concludes.</summary>
internal interface ILiveRow
{
    /// <summary>The row before it runs; its Test text names the requests and expectations.</summary>
    RubricRowTemplate Template(LiveSession session);

    Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken);
}
