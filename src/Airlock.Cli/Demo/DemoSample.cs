using Airlock.Cli.Hosting;

namespace Airlock.Cli.Demo;

/// <summary>The ChatAgent sample the demo deploys: found from the airlock binary's folder or the current one, built in Release.</summary>
internal sealed record DemoSample(string RepositoryRoot, string ProjectDirectory)
{
    public const string RelativeProject = "samples/ChatAgent/ChatAgent.csproj";

    public string Assembly => Path.Combine(ProjectDirectory, "bin", "Release", "net10.0", "ChatAgent.dll");

    /// <summary>Walks up from each start folder to the first one holding samples/ChatAgent/ChatAgent.csproj.</summary>
    public static DemoSample Locate(params string[] starts)
    {
        foreach (var start in starts)
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, RelativeProject)))
                {
                    return new DemoSample(folder.FullName, Path.Combine(folder.FullName, "samples", "ChatAgent"));
                }
            }
        }

        throw new UsageException(
            $"the ChatAgent sample ({RelativeProject}) was not found above {string.Join(" or ", starts)}.",
            "run the demo from a clone of the Airlock repository (./airlock demo), where samples/ChatAgent lives");
    }

    /// <summary>True when a Release build exists and no source file of the sample is newer than it.</summary>
    public bool IsBuilt()
    {
        if (!File.Exists(Assembly))
        {
            return false;
        }

        var built = File.GetLastWriteTimeUtc(Assembly);
        return !Directory.EnumerateFiles(ProjectDirectory, "*", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file))
            .Any(file => File.GetLastWriteTimeUtc(file) > built);
    }

    /// <summary><c>dotnet build -c Release</c> of the sample; its output is shown only when it fails.</summary>
    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        var result = await DemoProcess.RunAsync(
            "dotnet", ["build", Path.Combine(RepositoryRoot, RelativeProject), "-c", "Release", "--nologo", "-v", "quiet"],
            RepositoryRoot, cancellationToken);
        if (result.ExitCode != 0 || !File.Exists(Assembly))
        {
            throw new UsageException(
                $"building the ChatAgent sample failed (exit code {result.ExitCode}):{Environment.NewLine}{result.Output.Trim()}",
                $"run 'dotnet build {RelativeProject} -c Release' to see the whole error");
        }
    }

    public bool IsBuildOutput(string file)
    {
        var relative = Path.GetRelativePath(ProjectDirectory, file).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }
}
