using System.Diagnostics;
using Airlock.Core.Config;
using Airlock.Readiness.Git;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests;

/// <summary>A real git repository in a temp folder, deleted on dispose. Commits have fixed dates and authors.</summary>
internal sealed class TestRepository : IDisposable
{
    private int _commitCount;

    public TestRepository(string defaultBranch = "main")
    {
        Root = Path.Combine(Path.GetTempPath(), "airlock-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        Git("init", "-q", "-b", defaultBranch);
        Git("config", "user.email", "test@example.com");
        Git("config", "user.name", "Test");
        Git("config", "commit.gpgsign", "false");
    }

    public string Root { get; }

    public GitRepository Repository => new(Root);

    /// <summary>Writes a file (creating folders) relative to the root.</summary>
    public TestRepository Write(string relativePath, string content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    public TestRepository WriteBytes(string relativePath, byte[] content)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return this;
    }

    public TestRepository Delete(string relativePath)
    {
        File.Delete(Path.Combine(Root, relativePath));
        return this;
    }

    /// <summary>Stages everything and commits; returns the new commit id.</summary>
    public string Commit(string message = "change")
    {
        Git("add", "-A");
        _commitCount++;
        var date = $"2026-01-01T00:{_commitCount / 60 % 60:00}:{_commitCount % 60:00}Z";
        Git(["commit", "-q", "--allow-empty", "-m", message], ("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date));
        return Git("rev-parse", "HEAD").Trim();
    }

    /// <summary>A context for running a check against this repository.</summary>
    public CheckContext Context(AirlockConfig? config = null) => new()
    {
        RepositoryRoot = Root,
        Config = config ?? AirlockConfig.Default,
        Git = Repository,
    };

    public string Git(params string[] arguments) => Git(arguments, []);

    public string Git(string[] arguments, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed: {error}");
        }

        return output;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file; the temp folder is cleaned by the OS later.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above (git marks pack files read-only, which Delete handles on Linux).
        }
    }
}
