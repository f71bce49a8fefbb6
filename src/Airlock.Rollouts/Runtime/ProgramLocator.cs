namespace Airlock.Rollouts.Runtime;

/// <summary>
/// Finds a revision's program the way execvp(3) would, but before starting it, so a typo is an error at start instead of
/// exit code 127 in a log file.
/// </summary>
internal static class ProgramLocator
{
    public static string? Find(string program, string workingDirectory)
    {
        if (program.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(program, workingDirectory);
            return File.Exists(path) ? path : null;
        }

        var searchPath = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
    }
}
