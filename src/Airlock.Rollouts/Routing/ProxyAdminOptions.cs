namespace Airlock.Rollouts.Routing;

/// <summary>Where the proxy's admin API is and how patiently to talk to it.</summary>
/// <param name="Admin">The admin API's base URL (loopback), for example <c>http://127.0.0.1:9090</c>.</param>
/// <param name="TokenFile">The proxy's <c>admin.token</c>; read when first needed and again after a 401.</param>
internal sealed record ProxyAdminOptions(Uri Admin, string TokenFile)
{
    /// <summary>One request's limit; a request past it counts as a transport failure and is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Waits between attempts after a transport failure: bounded, so a dead proxy is reported in under 2 s.</summary>
    public IReadOnlyList<TimeSpan> Backoff { get; init; } =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)];
}
