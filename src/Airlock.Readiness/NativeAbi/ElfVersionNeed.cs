namespace Airlock.Readiness.NativeAbi;

/// <summary>One entry of <c>.gnu.version_r</c>: a symbol version a shared library must provide (<c>GLIBC_2.34</c> from <c>libc.so.6</c>).</summary>
internal sealed record ElfVersionNeed(string Library, string Version);
