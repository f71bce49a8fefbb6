namespace Airlock.Readiness.NativeAbi;

/// <summary>An ELF file found in the repository or the artifact folder, and what it needs.</summary>
/// <param name="DisplayPath">Repository-relative path with forward slashes (or the artifact path when outside the repository).</param>
/// <param name="Image">The parsed file, or null when it could not be read.</param>
/// <param name="Error">Why it could not be read.</param>
internal sealed record NativeBinary(string DisplayPath, ElfImage? Image, string? Error)
{
    public SymbolVersion? Newest(string family) => Image?.VersionNeeds
        .Select(n => SymbolVersion.TryParse(n.Version, out var v) ? v : null)
        .Where(v => v is not null && v.Family == family)
        .Max();

    /// <summary>The library that asked for <paramref name="version"/> (usually <c>libc.so.6</c>).</summary>
    public string? LibraryOf(SymbolVersion version) =>
        Image?.VersionNeeds.FirstOrDefault(n => n.Version == version.ToString())?.Library;
}
