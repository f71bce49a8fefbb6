using System.Diagnostics;

namespace Airlock.Cli.Tests;

/// <summary>The repository samples/launch-fixture/create.sh builds, in a temp folder deleted on dispose.</summary>
internal sealed class LaunchFixture : IDisposable
{
    public LaunchFixture()
    {
        Folder = Path.Combine(Path.GetTempPath(), "airlock-fixture-" + Guid.NewGuid().ToString("N")[..8]);
        var script = Path.Combine(FindRepositoryRoot(), "samples", "launch-fixture", "create.sh");
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(script);
        info.ArgumentList.Add(Folder);
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"create.sh failed: {error}");
        }
    }

    public string Folder { get; }

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Airlock.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Airlock.slnx not found above the test folder.");
    }
}
