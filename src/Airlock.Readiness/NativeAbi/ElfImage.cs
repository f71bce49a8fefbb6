using System.Collections.Immutable;

namespace Airlock.Readiness.NativeAbi;

/// <summary>What the native ABI check needs from one ELF file.</summary>
/// <param name="Is64Bit">ELFCLASS64.</param>
/// <param name="BigEndian">ELFDATA2MSB.</param>
/// <param name="Machine">The <c>e_machine</c> value (62 = x86-64, 183 = AArch64).</param>
/// <param name="Interpreter">The dynamic loader from <c>PT_INTERP</c>, or null for static files and libraries.</param>
/// <param name="VersionNeeds">Every needed symbol version, in file order.</param>
internal sealed record ElfImage(bool Is64Bit, bool BigEndian, int Machine, string? Interpreter, ImmutableArray<ElfVersionNeed> VersionNeeds)
{
    public string MachineName => Machine switch
    {
        3 => "x86",
        8 => "MIPS",
        20 => "PowerPC",
        21 => "PowerPC64",
        22 => "s390",
        40 => "ARM",
        62 => "x86-64",
        183 => "AArch64",
        243 => "RISC-V",
        _ => $"machine {Machine}",
    };

    /// <summary>Built against musl (Alpine): its loader is <c>ld-musl-*</c>.</summary>
    public bool IsMusl => Interpreter?.Contains("ld-musl", StringComparison.Ordinal) == true;
}
