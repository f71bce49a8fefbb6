using System.Text.Encodings.Web;
using System.Text.Json;
using Airlock.Core.IO;
using Airlock.Proxy.Hosting;

namespace Airlock.Proxy.Persistence;

/// <summary>
/// The route table on disk, so that a restarted proxy routes exactly as before. Every write goes to a temp file
/// renamed over the target, and only if the file still holds the generation the writer expects: a second proxy or
/// a hand edit in between is detected instead of silently overwritten.
/// </summary>
internal sealed class RouteTableStore(string path)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Path { get; } = path;

    public PersistedRoutes? Load()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PersistedRoutes>(File.ReadAllText(Path), Json)
                ?? throw new InvalidDataException($"{Path}: the persisted route table is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{Path}: the persisted route table is not readable ({ex.Message}); restore it or delete it to start from the route file.", ex);
        }
    }

    /// <param name="expectedGeneration">The generation the file must still hold, or null when it must not exist yet.</param>
    public void Save(PersistedRoutes next, long? expectedGeneration)
    {
        ArgumentNullException.ThrowIfNull(next);
        var onDisk = Load();
        if (onDisk?.Generation != expectedGeneration)
        {
            throw new RouteStoreConflictException(
                $"{Path} holds generation {onDisk?.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, expected {expectedGeneration?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: another writer changed it.");
        }

        AtomicFile.WriteAllText(Path, JsonSerializer.Serialize(next, Json));
    }

    /// <summary>
    /// The table to start with: the persisted one when present (its forwarding settings included, so the proxy
    /// routes exactly as before the restart), else the route file's, which is persisted as generation 1.
    /// </summary>
    public (ProxyConfig Config, string Source) Restore(string routeFileText, string routeFile)
    {
        if (Load() is { } persisted)
        {
            return (ProxyConfigLoader.Parse(persisted.Source, Path, persisted.Generation), persisted.Source);
        }

        var config = ProxyConfigLoader.Parse(routeFileText, routeFile);
        Save(new PersistedRoutes(config.Routes.Generation, routeFileText), expectedGeneration: null);
        return (config, routeFileText);
    }
}
