namespace Airlock.Readiness.Live;

/// <summary>A connection the guard rails refused: the target resolved to a non-loopback address without --allow-remote.</summary>
internal sealed class LiveTargetRefusedException(string message) : Exception(message);
