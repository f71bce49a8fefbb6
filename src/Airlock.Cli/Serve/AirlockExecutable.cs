namespace Airlock.Cli.Serve;

/// <summary>The program that starts <c>airlock proxy</c>: serve launches the proxy as its own detached process.</summary>
internal static class AirlockExecutable
{
    /// <summary>
    /// The running executable, unless it is the shared <c>dotnet</c> host (the <c>./airlock</c> wrapper and the tests run
    /// <c>dotnet airlock.dll</c>): then "dotnet proxy" would not be airlock, so the apphost built beside airlock.dll is used.
    /// </summary>
    public static string Resolve()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the airlock executable is unknown");
        if (!string.Equals(Path.GetFileNameWithoutExtension(process), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return process;
        }

        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "airlock.exe" : "airlock");
        return File.Exists(apphost)
            ? apphost
            : throw new InvalidOperationException($"airlock runs on the dotnet host and no apphost was found at {apphost} to start 'airlock proxy' with");
    }
}
