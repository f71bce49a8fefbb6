using Airlock.Core.Config;
using Airlock.Proxy.Persistence;

namespace Airlock.Proxy.Tests.Persistence;

public sealed class RouteTableStoreTests
{
    private const string RouteFile = "routes:\n  - name: chat\n    revisions:\n      - { name: v1, upstream: 'http://127.0.0.1:5001', weight: 1 }\n";

    [Fact]
    public void Restore_NoStateFile_ServesAndPersistsTheRouteFileAsGeneration1()
    {
        using var folder = new TempDirectory();
        var store = new RouteTableStore(Path.Combine(folder.Path, "routes.state.json"));

        var (config, source) = store.Restore(RouteFile, "routes.yaml");

        Assert.Equal(1, config.Routes.Generation);
        Assert.Equal(RouteFile, source);
        Assert.Equal(new PersistedRoutes(1, RouteFile), store.Load());
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void Restore_StateFileHoldsAnInvalidTable_ThrowsNamingTheStateFile()
    {
        using var folder = new TempDirectory();
        var store = new RouteTableStore(Path.Combine(folder.Path, "routes.state.json"));
        store.Save(new PersistedRoutes(3, RouteFile.Replace("weight: 1", "weight: -1", StringComparison.Ordinal)), expectedGeneration: null);

        var error = Assert.Throws<ConfigException>(() => store.Restore(RouteFile, "routes.yaml"));

        Assert.StartsWith(store.Path + ":4:", error.Errors.Single().Location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Save_FileHoldsAnotherGeneration_ThrowsAndLeavesTheFile()
    {
        using var folder = new TempDirectory();
        var store = new RouteTableStore(Path.Combine(folder.Path, "routes.state.json"));
        store.Save(new PersistedRoutes(5, RouteFile), expectedGeneration: null);

        Assert.Throws<RouteStoreConflictException>(() => store.Save(new PersistedRoutes(5, "routes: []"), expectedGeneration: 4));
        Assert.Throws<RouteStoreConflictException>(() => store.Save(new PersistedRoutes(1, "routes: []"), expectedGeneration: null));
        Assert.Equal(new PersistedRoutes(5, RouteFile), store.Load());
    }
}
