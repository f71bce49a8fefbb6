using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Airlock.Readiness.Tests.Live;

/// <summary>
/// The real samples/ChatAgent as its own process on 127.0.0.1, port 0 (Kestrel picks; the URL is read from its
/// startup log), with settings as --Key=value. Its own process so that /metrics reports its own resident memory.
/// Killed with its process tree, by its own pid, on dispose.
/// </summary>
internal sealed partial class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];

    private SampleProcess(Process process, Uri url)
    {
        _process = process;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<SampleProcess> StartAsync(params string[] settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(SamplePath)!,
        };
        info.ArgumentList.Add(SamplePath);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var setting in settings)
        {
            info.ArgumentList.Add("--" + setting);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var process = Process.Start(info)!;
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new List<string>();
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => started.TrySetException(new InvalidOperationException("the sample exited during startup:\n" + string.Join('\n', Snapshot())));
        try
        {
            var url = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var sample = new SampleProcess(process, url);
            return sample;
        }
        catch
        {
            Kill(process);
            throw;
        }

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.Add(line);
            }

            if (Listening().Match(line) is { Success: true } match)
            {
                started.TrySetResult(new Uri(match.Groups[1].Value + "/"));
            }
        }

        string[] Snapshot()
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    /// <summary>The ChatAgent build beside this test build (same configuration), built through the project reference.</summary>
    private static string SamplePath
    {
        get
        {
            var here = AppContext.BaseDirectory;
            var root = new DirectoryInfo(here);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Airlock.slnx")))
            {
                root = root.Parent;
            }

            var configuration = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(root!.FullName, "samples", "ChatAgent", "bin", configuration, "net10.0", "ChatAgent.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("build samples/ChatAgent first", path);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex Listening();
}
