using System.Diagnostics;
using System.Text.Json.Nodes;
using Airlock.Browser.DevTools;
using Airlock.Core.Processes;

namespace Airlock.Browser;

/// <summary>
/// A headless Chromium started for one owner (a test class, a live check), driven over the DevTools Protocol. Disposing
/// it kills the browser's whole process tree by its own pid and deletes its fresh profile directory.
/// </summary>
public sealed partial class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DevToolsConnection _connection;
    private readonly ChromiumOptions _options;
    private int _disposed;

    private HeadlessChromium(Process process, DevToolsConnection connection, string profileDirectory, ChromiumOptions options, string version)
    {
        _process = process;
        _connection = connection;
        _options = options;
        ProfileDirectory = profileDirectory;
        Version = version;

        // A host that exits without disposing (Ctrl+C in the CLI, a test run torn down) must not leave a browser behind.
        AppDomain.CurrentDomain.ProcessExit += OnHostExit;
    }

    /// <summary>The browser's product string, for example <c>Chrome/156.0.8078.79</c>.</summary>
    public string Version { get; }

    /// <summary>The browser process id (the root of the tree that disposal kills).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The temporary profile; it is deleted on disposal.</summary>
    public string ProfileDirectory { get; }

    /// <summary>Opens a new tab on <c>about:blank</c> with console, network and log events collected from the start.</summary>
    public async Task<BrowserPage> NewPageAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var target = await _connection.SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken);
        var targetId = target.GetProperty("targetId").GetString()!;
        var attached = await _connection.SendAsync(
            "Target.attachToTarget",
            new JsonObject { ["targetId"] = targetId, ["flatten"] = true },
            null,
            cancellationToken);
        var page = new BrowserPage(_connection, targetId, attached.GetProperty("sessionId").GetString()!);
        await page.EnableAsync(cancellationToken);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnHostExit;
        await _connection.DisposeAsync();
        ProcessTree.Kill(_process);
        using (var bound = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed but not reaped within the bound; the profile delete below still runs.
            }
        }

        _process.Dispose();
        DeleteProfile(ProfileDirectory);
    }

    private void OnHostExit(object? sender, EventArgs e)
    {
        ProcessTree.Kill(_process);
        DeleteProfile(ProfileDirectory);
    }

    private static void DeleteProfile(string directory)
    {
        // Chromium's helper processes can still be closing files for a moment after the kill.
        for (var attempt = 0; attempt < 5 && Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(100);
            }
        }
    }

    internal TimeSpan CommandTimeout => _options.CommandTimeout;
}
