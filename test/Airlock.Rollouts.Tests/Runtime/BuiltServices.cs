namespace Airlock.Rollouts.Tests.Runtime;

/// <summary>The services the runtime tests start, found in their own build output (same configuration as the tests).</summary>
internal static class BuiltServices
{
    public static string TestService => Find("test/Airlock.TestService", "Airlock.TestService.dll");

    public static string ChatAgent => Find("samples/ChatAgent", "ChatAgent.dll");

    private static string Find(string project, string dll)
    {
        // The tests run from <repo>/test/Airlock.Rollouts.Tests/bin/<Configuration>/net10.0/.
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Airlock.slnx")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, project, "bin", configuration, output.Name, dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"build {project} first (it is a ProjectReference of this test project)", path);
    }
}
