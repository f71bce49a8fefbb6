using Airlock.Core.Processes;
namespace Airlock.Readiness.Git;

/// <summary>
/// Feeds object ids to one <c>git cat-file --batch*</c> process while the caller reads its output. The ids are
/// written on another task: git stops reading stdin while its stdout pipe is full, so writing all ids first deadlocks.
/// </summary>
internal static class CatFileBatch
{
    /// <summary>
    /// Runs <c>git cat-file &lt;format&gt;</c> (<c>--batch</c>, <c>--batch-check=...</c>) on <paramref name="objectIds"/>;
    /// <paramref name="readOutput"/> reads git's standard output to its end; <paramref name="command"/> names it in errors.
    /// </summary>
    /// <exception cref="GitException">git exited with an error.</exception>
    public static async Task RunAsync(
        GitRepository git,
        string format,
        string command,
        IEnumerable<string> objectIds,
        Func<StreamReader, Task> readOutput,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(git);
        ArgumentNullException.ThrowIfNull(objectIds);
        ArgumentNullException.ThrowIfNull(readOutput);
        using var process = git.Start(["cat-file", format], redirectInput: true);
        using var kill = cancellationToken.Register(() => ProcessTree.Kill(process));
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var writer = Task.Run(
            async () =>
            {
                foreach (var id in objectIds)
                {
                    await process.StandardInput.WriteLineAsync(id.AsMemory(), cancellationToken);
                }

                process.StandardInput.Close();
            },
            cancellationToken);
        await readOutput(process.StandardOutput);
        await writer;
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new GitException($"{command} failed ({process.ExitCode}): {(await stderr).Trim()}");
        }
    }
}
