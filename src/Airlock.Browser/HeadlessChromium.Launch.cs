using System.Diagnostics;
using System.Globalization;
using Airlock.Browser.DevTools;
using Airlock.Core.Processes;

namespace Airlock.Browser;

public sealed partial class HeadlessChromium
{
    private const string ListeningPrefix = "DevTools listening on ";
    private const string ActivePortFile = "DevToolsActivePort";

    // No GPU, sandbox (containers run as root), first-run UI, or background traffic: a test browser talks only to loopback.
    private static readonly string[] FixedArguments =
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--disable-dev-shm-usage",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
    ];

    /// <summary>
    /// Starts Chromium headless with a fresh profile and connects to its DevTools endpoint (port 0: the browser picks
    /// one and announces it on stderr and in the profile's <c>DevToolsActivePort</c> file).
    /// </summary>
    /// <exception cref="BrowserLaunchException">Chromium is not installed, the options are invalid, or it did not start in time.</exception>
    public static async Task<HeadlessChromium> LaunchAsync(ChromiumOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ChromiumOptions();
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new BrowserLaunchException(string.Join(Environment.NewLine, errors));
        }

        if (!File.Exists(options.ExecutablePath))
        {
            throw new BrowserLaunchException(
                $"Chromium was not found at '{options.ExecutablePath}'. Install it with `apt-get install -y chromium` (Debian), " +
                "or point ChromiumOptions.ExecutablePath (or AIRLOCK_CHROMIUM) at a Chromium or Chrome binary.");
        }

        var profile = Directory.CreateTempSubdirectory("airlock-chromium-").FullName;
        var start = new ProcessStartInfo(options.ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in FixedArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--user-data-dir=" + profile);
        foreach (var argument in options.ExtraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("about:blank");

        var endpoint = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new StderrTail();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            stderr.Add(e.Data);
            var at = e.Data.IndexOf(ListeningPrefix, StringComparison.Ordinal);
            if (at >= 0 && Uri.TryCreate(e.Data[(at + ListeningPrefix.Length)..].Trim(), UriKind.Absolute, out var uri))
            {
                endpoint.TrySetResult(uri);
            }
        };

        // stdout is unused but must be drained, or a chatty browser blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.Exited += (_, _) => endpoint.TrySetException(new BrowserLaunchException(
            $"Chromium exited (code {SafeExitCode(process)}) before opening its DevTools endpoint. Last stderr lines:{Environment.NewLine}{stderr}"));

        try
        {
            process.Start();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            process.Dispose();
            DeleteProfile(profile);
            throw new BrowserLaunchException($"Chromium at '{options.ExecutablePath}' could not be started: {ex.Message}", ex);
        }

        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        DevToolsConnection? connection = null;
        try
        {
            var uri = await WaitForEndpointAsync(endpoint.Task, profile, options.StartTimeout, cancellationToken);
            connection = await DevToolsConnection.ConnectAsync(uri, options.CommandTimeout, cancellationToken);
            var version = await connection.SendAsync("Browser.getVersion", null, null, cancellationToken);
            return new HeadlessChromium(process, connection, profile, options, version.GetProperty("product").GetString() ?? "unknown");
        }
        catch (Exception ex)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            ProcessTree.Kill(process);
            process.Dispose();
            DeleteProfile(profile);
            if (ex is BrowserLaunchException or OperationCanceledException)
            {
                throw;
            }

            throw new BrowserLaunchException($"Could not connect to Chromium's DevTools endpoint: {ex.Message}. Last stderr lines:{Environment.NewLine}{stderr}", ex);
        }
    }

    // stderr is the quick path; the DevToolsActivePort file is the documented one and covers builds that log nothing.
    private static async Task<Uri> WaitForEndpointAsync(Task<Uri> fromStderr, string profile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(timeout);
        var portFile = Path.Combine(profile, ActivePortFile);
        try
        {
            while (true)
            {
                if (fromStderr.IsCompleted)
                {
                    return await fromStderr;
                }

                if (ReadActivePort(portFile) is { } uri)
                {
                    return uri;
                }

                await Task.WhenAny(fromStderr, Task.Delay(TimeSpan.FromMilliseconds(50), bound.Token));
                bound.Token.ThrowIfCancellationRequested();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BrowserLaunchException($"Chromium did not open its DevTools endpoint within {timeout.TotalSeconds:0.#} s.");
        }
    }

    private static Uri? ReadActivePort(string path)
    {
        try
        {
            // Line 1: the port; line 2: the browser target's path. Written once both are known.
            var lines = File.ReadAllLines(path);
            if (lines.Length >= 2 && int.TryParse(lines[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && lines[1].StartsWith('/'))
            {
                return new Uri(string.Create(CultureInfo.InvariantCulture, $"ws://127.0.0.1:{port}{lines[1]}"));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Not written yet, or being written.
        }

        return null;
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }
}
