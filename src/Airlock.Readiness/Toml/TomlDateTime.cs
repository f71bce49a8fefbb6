namespace Airlock.Readiness.Toml;

/// <summary>
/// A TOML date, time or date-time, kept as written: the manifests read here only need to get past one
/// (a release date in pyproject.toml), never to compute with it.
/// </summary>
internal sealed record TomlDateTime(string Text);
