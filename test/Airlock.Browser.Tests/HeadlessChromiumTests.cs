using System.Diagnostics;

namespace Airlock.Browser.Tests;

public class HeadlessChromiumTests
{
    [Fact]
    public async Task LaunchAsync_MissingExecutable_ThrowsNamingTheInstallCommand()
    {
        var options = new ChromiumOptions { ExecutablePath = "/nonexistent/chromium" };

        var error = await Assert.ThrowsAsync<BrowserLaunchException>(() => HeadlessChromium.LaunchAsync(options));

        Assert.Contains("/nonexistent/chromium", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LaunchAsync_InvalidOptions_ListsEveryError()
    {
        var options = new ChromiumOptions { ExecutablePath = " ", StartTimeout = TimeSpan.Zero, CommandTimeout = TimeSpan.FromSeconds(-1) };

        var error = await Assert.ThrowsAsync<BrowserLaunchException>(() => HeadlessChromium.LaunchAsync(options));

        Assert.Contains("ExecutablePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("StartTimeout", error.Message, StringComparison.Ordinal);
        Assert.Contains("CommandTimeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_RunningBrowser_KillsItsProcessTreeAndDeletesTheProfile()
    {
        // await using as well: disposal is idempotent, and a failed assertion must not leak a browser.
        await using var browser = await HeadlessChromium.LaunchAsync();
        var pid = browser.ProcessId;
        var profile = browser.ProfileDirectory;
        var children = ChildPids(pid);
        Assert.True(Directory.Exists(profile));
        Assert.NotEmpty(children);
        Assert.Contains("Chrome/", browser.Version, StringComparison.Ordinal);

        await browser.DisposeAsync();

        Assert.False(IsAlive(pid), $"browser {pid} still runs");
        Assert.All(children, child => Assert.False(IsAlive(child), $"child {child} still runs"));
        Assert.False(Directory.Exists(profile), $"{profile} was not deleted");
    }

    [Fact]
    public async Task Commands_BrowserDiesUnderneath_FailWithDevToolsExceptionAndDisposeStillCleansUp()
    {
        await using var browser = await HeadlessChromium.LaunchAsync();
        var profile = browser.ProfileDirectory;
        await using var page = await browser.NewPageAsync();
        using (var process = Process.GetProcessById(browser.ProcessId))
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var error = await Assert.ThrowsAsync<DevToolsException>(() => page.EvaluateAsync("1 + 1"));
        await browser.DisposeAsync();

        Assert.Contains("connection", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(profile), $"{profile} was not deleted");
    }

    private static List<int> ChildPids(int parent) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .Where(pid => ParentOf(pid) == parent)];

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);

            // A killed child not yet reaped by its dead parent is a zombie: it runs nothing.
            return !process.HasExited && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException)
        {
            return false;
        }
    }
}
