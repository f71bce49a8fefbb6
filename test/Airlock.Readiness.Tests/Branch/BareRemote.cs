using System.Diagnostics;

namespace Airlock.Readiness.Tests.Branch;

/// <summary>A bare repository in a temp folder that plays the hosted remote; never the network.</summary>
internal sealed class BareRemote : IDisposable
{
    public BareRemote(string defaultBranch = "main")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "airlock-remote-" + Guid.NewGuid().ToString("N")[..12] + ".git");
        Run("git", "init", "-q", "--bare", "-b", defaultBranch, Path);
    }

    public string Path { get; }

    /// <summary>Adds this remote to <paramref name="repo"/>, pushes <paramref name="branch"/> and records the remote's HEAD as a clone would.</summary>
    public void Attach(TestRepository repo, string name = "origin", string branch = "main", bool setHead = true)
    {
        repo.Git("remote", "add", name, Path);
        repo.Git("push", "-q", "-u", name, branch);
        if (setHead)
        {
            repo.Git("remote", "set-head", name, branch);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {error}");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean with the temp folder.
        }
    }
}
