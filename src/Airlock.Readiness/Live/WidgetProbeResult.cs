using System.Collections.Immutable;

namespace Airlock.Readiness.Live;

/// <summary>What the browser saw on the widget page.</summary>
/// <param name="AnswerText">The answer shown to the user, or null when none appeared in time.</param>
/// <param name="ConsoleErrors">Console errors and uncaught exceptions.</param>
/// <param name="FailedResources">Stylesheets, scripts and other requests that failed to load.</param>
internal sealed record WidgetProbeResult(string? AnswerText, ImmutableArray<string> ConsoleErrors, ImmutableArray<string> FailedResources);
