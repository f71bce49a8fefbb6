using Airlock.Core.Processes;
using System.Diagnostics;
using System.Text;

namespace Airlock.Readiness.Git;

/// <summary>
/// A git repository read through the <c>git</c> command line (LibGit2Sharp's native part is not
/// available here, and git is on every machine). Output is decoded as UTF-8 with paths unquoted.
/// </summary>
public sealed class GitRepository
{
    public GitRepository(string workingDirectory)
    {
        WorkingDirectory = workingDirectory;
    }

    public string WorkingDirectory { get; }

    /// <summary>Runs git to completion and captures its output.</summary>
    public async Task<GitResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        using var process = Start(arguments);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            ProcessTree.Kill(process);
            throw;
        }

        return new GitResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs git and returns its trimmed standard output, or throws <see cref="GitException"/>.</summary>
    public async Task<string> ReadAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var args = arguments.ToArray();
        var result = await RunAsync(args, cancellationToken);
        if (!result.Succeeded)
        {
            throw new GitException($"git {string.Join(' ', args)} failed ({result.ExitCode}): {result.StandardError.Trim()}");
        }

        return result.StandardOutput.TrimEnd('\n', '\r');
    }

    /// <summary>
    /// Streams git's standard output line by line without holding it in memory (history can be gigabytes).
    /// Throws <see cref="GitException"/> at the end if git failed.
    /// </summary>
    public async IAsyncEnumerable<string> StreamLinesAsync(
        IEnumerable<string> arguments,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var args = arguments.ToArray();
        using var process = Start(args);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var completed = false;
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                yield return line;
            }

            await process.WaitForExitAsync(cancellationToken);
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                ProcessTree.Kill(process);
            }
        }

        if (process.ExitCode != 0)
        {
            throw new GitException($"git {string.Join(' ', args)} failed ({process.ExitCode}): {(await stderr).Trim()}");
        }
    }

    /// <summary>Starts git with redirected streams; the caller owns the process.</summary>
    public Process Start(IEnumerable<string> arguments, bool redirectInput = false)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("core.quotepath=off");
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["LC_ALL"] = "C";
        info.Environment["GIT_PAGER"] = "cat";
        return Process.Start(info) ?? throw new GitException("git could not be started.");
    }

    /// <summary>True when <see cref="WorkingDirectory"/> is inside a git work tree.</summary>
    public async Task<bool> IsWorkTreeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var result = await RunAsync(["rev-parse", "--is-inside-work-tree"], cancellationToken);
            return result.Succeeded && result.StandardOutput.Trim() == "true";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>True when the repository has at least one commit.</summary>
    public async Task<bool> HasCommitsAsync(CancellationToken cancellationToken = default) =>
        (await RunAsync(["rev-parse", "--verify", "--quiet", "HEAD"], cancellationToken)).Succeeded;

    /// <summary>
    /// The files of the working tree that a deploy would see: tracked files plus untracked files
    /// that are not ignored, relative paths with forward slashes, files that exist only.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListWorkingTreeFilesAsync(CancellationToken cancellationToken = default)
    {
        var output = await ReadAsync(["ls-files", "-z", "--cached", "--others", "--exclude-standard"], cancellationToken);
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(WorkingDirectory, path)))
            {
                files.Add(path);
            }
        }

        return [.. files];
    }
}
