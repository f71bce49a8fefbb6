using Airlock.Core.Processes;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Airlock.Readiness.CustomChecks;

/// <summary>Runs a custom check's command with <c>/bin/sh -c</c>, bounded by its timeout.</summary>
internal static class ShellCommand
{
    /// <summary>How long to wait for the output pipes after the shell exits (a background child may hold them).</summary>
    private static readonly TimeSpan PipeGrace = TimeSpan.FromSeconds(2);

    public static async Task<CommandOutcome> RunAsync(
        string command,
        string workingDirectory,
        TimeSpan timeout,
        string? expectedOutput,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var stdout = new OutputCapture(expectedOutput);
        var stderr = new OutputCapture(null);
        var info = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);

        var started = time.GetTimestamp();
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("/bin/sh did not start");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            return new CommandOutcome(null, false, e.Message, time.GetElapsedTime(started), stdout, stderr);
        }

        using (process)
        {
            // A command that reads stdin gets end-of-file instead of waiting for a terminal.
            process.StandardInput.Close();
            using var deadline = new CancellationTokenSource(timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
            var reading = Task.WhenAll(
                stdout.ReadToEndAsync(process.StandardOutput, linked.Token),
                stderr.ReadToEndAsync(process.StandardError, linked.Token));
            try
            {
                await process.WaitForExitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                await IgnoreAsync(reading, time);
                cancellationToken.ThrowIfCancellationRequested();
                return new CommandOutcome(null, true, null, time.GetElapsedTime(started), stdout, stderr);
            }

            try
            {
                await reading.WaitAsync(PipeGrace, time, cancellationToken);
            }
            catch (TimeoutException)
            {
                // The shell exited but a background process it started still holds the pipes; keep what was read.
                await linked.CancelAsync();
                await IgnoreAsync(reading, time);
            }

            return new CommandOutcome(process.ExitCode, false, null, time.GetElapsedTime(started), stdout, stderr);
        }
    }

    private static void KillTree(Process process)
    {
        ProcessTree.Kill(process);
        process.WaitForExit();
    }

    /// <summary>Waits briefly for cancelled reads to wind down; a pipe held open elsewhere is abandoned.</summary>
    private static async Task IgnoreAsync(Task task, TimeProvider time)
    {
        try
        {
            await task.WaitAsync(PipeGrace, time);
        }
        catch (TimeoutException)
        {
            // Abandoned: the reads end when the last holder of the pipe exits.
        }
        catch (OperationCanceledException)
        {
            // Reading stopped on purpose.
        }
        catch (IOException)
        {
            // The pipe broke when the process was killed.
        }
    }
}
