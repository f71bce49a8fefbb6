using Airlock.Readiness.NativeAbi;

namespace Airlock.Readiness.Tests.NativeAbi;

public sealed class ElfReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "airlock-elf-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Read_GccHelloWorld_ListsGlibcVersionsFromLibc()
    {
        var path = Path.Combine(_folder, "hello");
        NativeToolchain.CompileC(NativeToolchain.Hello, path);

        var image = ElfReader.Read(path);

        Assert.True(image.Is64Bit);
        Assert.Contains(new ElfVersionNeed("libc.so.6", "GLIBC_2.2.5"), image.VersionNeeds);
        Assert.Equal(NativeToolchain.ReadelfNeededVersions(path), image.VersionNeeds.Select(n => n.Version).ToHashSet());
    }

    [Theory]
    [InlineData("/usr/bin/git")]
    [InlineData("/usr/bin/gcc")]
    [InlineData("/usr/bin/readelf")]
    public void Read_SystemBinary_MatchesReadelf(string path)
    {
        var image = ElfReader.Read(path);

        Assert.Equal(NativeToolchain.ReadelfNeededVersions(path), image.VersionNeeds.Select(n => n.Version).ToHashSet());
        Assert.NotNull(image.Interpreter);
    }

    [Fact]
    public void Read_SectionHeadersRemoved_FallsBackToDynamicSegment()
    {
        var path = Path.Combine(_folder, "hello");
        NativeToolchain.CompileC(NativeToolchain.Hello, path);
        var expected = NativeToolchain.ReadelfNeededVersions(path);
        var bytes = File.ReadAllBytes(path);
        // Zero e_shoff, e_shnum and e_shstrndx of the ELF64 header, as sstrip-style tools do.
        Array.Clear(bytes, 40, 8);
        Array.Clear(bytes, 60, 4);
        File.WriteAllBytes(path, bytes);

        var image = ElfReader.Read(path);

        Assert.Equal(expected, image.VersionNeeds.Select(n => n.Version).ToHashSet());
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Read_OtherClassesAndByteOrders_ReadsVersions(bool is64, bool bigEndian)
    {
        var path = Path.Combine(_folder, "synthetic");
        Directory.CreateDirectory(_folder);
        File.WriteAllBytes(path, SyntheticElf.Build(is64, bigEndian, "libc.so.6", "GLIBC_2.17", "GLIBC_2.40"));

        var image = ElfReader.Read(path);

        Assert.Equal(is64, image.Is64Bit);
        Assert.Equal(bigEndian, image.BigEndian);
        Assert.Equal([new ElfVersionNeed("libc.so.6", "GLIBC_2.17"), new ElfVersionNeed("libc.so.6", "GLIBC_2.40")], image.VersionNeeds.ToArray());
    }

    [Fact]
    public void Read_TruncatedFile_ThrowsFormatError()
    {
        var path = Path.Combine(_folder, "hello");
        NativeToolchain.CompileC(NativeToolchain.Hello, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..200]);

        Assert.Throws<ElfFormatException>(() => ElfReader.Read(path));
    }

    [Fact]
    public void Read_StaticBinary_NeedsNoVersions()
    {
        var path = Path.Combine(_folder, "static");
        NativeToolchain.CompileC(NativeToolchain.Hello, path, "-static");

        var image = ElfReader.Read(path);

        Assert.Empty(image.VersionNeeds);
        Assert.Null(image.Interpreter);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
