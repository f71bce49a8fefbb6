using System.Diagnostics;
using System.Text;

namespace Airlock.Cli.Tests.Rollouts;

/// <summary>
/// <c>airlock serve DIR</c> as a real process (the built CLI under the dotnet host), so it can be killed with SIGKILL.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private ServeProcess(Process process)
    {
        _process = process;
    }

    public int Pid => _process.Id;

    public string Errors
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Starts serve with <paramref name="tag"/> in its environment, which the proxy and revisions inherit.</summary>
    public static ServeProcess Start(string directory, string tag)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "airlock.dll"));
        foreach (var argument in new[] { "serve", directory, "--listen", "http://127.0.0.1:0", "--verbose" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment[DeployProject.TagVariable] = tag;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var serve = new ServeProcess(process);
        process.ErrorDataReceived += (_, line) =>
        {
            lock (serve._stderr)
            {
                serve._stderr.AppendLine(line.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return serve;
    }

    /// <summary>SIGKILL, as <c>kill -9</c>: no shutdown code runs.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
