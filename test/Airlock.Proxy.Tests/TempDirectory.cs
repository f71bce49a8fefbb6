namespace Airlock.Proxy.Tests;

/// <summary>A fresh folder for state files, deleted with its content at the end of a test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("airlock-proxy-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
