using System.Globalization;
using Airlock.Cli.Hosting;

namespace Airlock.Cli.Demo;

/// <summary>
/// The throw-away project the demo deploys: a git repository holding a copy of the ChatAgent's sources (what the
/// readiness rubric and each rollout's preflight audit) and an airlock.yaml that runs the Release build with fast steps.
/// </summary>
internal sealed record DemoProject(string Directory, Uri Listen, Uri Admin)
{
    /// <summary>Canary pauses: long enough for the analysis to gather samples at the demo's traffic rate, short enough for three minutes.</summary>
    public static readonly TimeSpan StepPause = TimeSpan.FromSeconds(8);

    private static readonly string[] SharedRootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig"];

    /// <summary>Refuses a folder with anything in it: the demo removes its folder at the end.</summary>
    public static void EnsureUsable(string directory)
    {
        if (System.IO.Directory.Exists(directory) && System.IO.Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new UsageException($"--dir '{directory}' exists and is not empty.", "pass a new or empty folder; the demo writes a git repository there and removes it at the end");
        }
    }

    public static async Task<DemoProject> CreateAsync(string directory, DemoSample sample, int listenPort, int adminPort, CancellationToken cancellationToken)
    {
        EnsureUsable(directory);
        System.IO.Directory.CreateDirectory(directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(sample.ProjectDirectory, "*", SearchOption.AllDirectories).Where(f => !sample.IsBuildOutput(f)))
        {
            var target = Path.Combine(directory, Path.GetRelativePath(sample.ProjectDirectory, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        // The sample's target framework and pinned package versions live at the repository root: without them the
        // rubric would fault the copy for what the real repository does right.
        foreach (var shared in SharedRootFiles.Where(name => File.Exists(Path.Combine(sample.RepositoryRoot, name))))
        {
            File.Copy(Path.Combine(sample.RepositoryRoot, shared), Path.Combine(directory, shared));
        }

        var project = new DemoProject(directory, new Uri($"http://127.0.0.1:{listenPort}"), new Uri($"http://127.0.0.1:{adminPort}"));
        await File.WriteAllTextAsync(Path.Combine(directory, ".gitignore"), "bin/\nobj/\n.airlock/\n", cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "airlock.yaml"), project.Yaml(sample.Assembly), cancellationToken);
        foreach (var git in new[] { new[] { "init", "-q", "-b", "main" }, ["add", "-A"], ["-c", "user.name=airlock demo", "-c", "user.email=demo@airlock.invalid", "commit", "-q", "-m", "ChatAgent sample for airlock demo"] })
        {
            var (code, output) = await DemoProcess.RunAsync("git", git, directory, cancellationToken);
            if (code != 0)
            {
                throw new UsageException($"git {git[0]} failed in {directory}: {output.Trim()}", "the demo needs git on the PATH");
            }
        }

        return project;
    }

    /// <summary>
    /// The ChatAgent rate-limits per client address, and behind the proxy every request comes from 127.0.0.1, so its
    /// limits are raised; the one rollback condition looks at a short window so a bad revision is caught in seconds.
    /// </summary>
    public string Yaml(string assembly)
    {
        var pause = string.Create(CultureInfo.InvariantCulture, $"{StepPause.TotalSeconds:0}s");
        return $$"""
            # Written by `airlock demo`: the ChatAgent sample with fast canary steps.
            service:
              name: chat
              command: [dotnet, "{{assembly}}", --urls, "http://127.0.0.1:{port}"]
              env: { Agent__Revision: "{revision}", RateLimit__PermitsPerWindow: "100000", RateLimit__GlobalPermitsPerWindow: "1000000" }
              health: { path: /health/ready, timeout: 60s }
              stopGrace: 5s
            route: { listen: "{{Listen.GetLeftPart(UriPartial.Authority)}}", admin: "{{Admin.GetLeftPart(UriPartial.Authority)}}", userKey: { header: {{DemoTraffic.UserHeader}} } }
            verify:
              - name: the revision answers /version
                request: { method: GET, path: /version }
                expect: { status: 200 }
            strategy: { canary: { steps: [ {setWeight: 20}, {pause: {{pause}}}, {setWeight: 50}, {pause: {{pause}}} ] } }
            analysis:
              interval: 1s
              minSamples: 20
              rollback:
                - error_rate > 5% over 10s
            keepWarm: 0s

            """;
    }
}
