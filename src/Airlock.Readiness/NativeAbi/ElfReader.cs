using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Airlock.Readiness.NativeAbi;

/// <summary>
/// Reads the needed symbol versions of an ELF file (32/64-bit, either byte order) without loading it:
/// the <c>SHT_GNU_verneed</c> section, or, when section headers were stripped, <c>DT_VERNEED</c> through
/// the dynamic segment. Reads only the headers and the few tables it needs, so large libraries are cheap.
/// </summary>
internal static class ElfReader
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const uint PtLoad = 1;
    private const uint PtDynamic = 2;
    private const uint PtInterp = 3;
    private const long DtNull = 0;
    private const long DtStrtab = 5;
    private const long DtStrsz = 10;
    private const long DtVerneed = 0x6ffffffe;
    private const long DtVerneednum = 0x6fffffff;

    /// <summary>Tables larger than this are not real version tables.</summary>
    private const long MaxTableBytes = 64L * 1024 * 1024;

    /// <summary>Bound on verneed/vernaux entries, so a crafted loop in the linked list ends.</summary>
    private const int MaxEntries = 10_000;

    public static bool HasElfMagic(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var handle = File.OpenHandle(path);
        return RandomAccess.Read(handle, magic, 0) == 4 && IsElfMagic(magic);
    }

    public static ElfImage Read(string path)
    {
        using var handle = File.OpenHandle(path);
        return Read(handle);
    }

    private static bool IsElfMagic(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && bytes[0] == 0x7F && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F';

    private static ElfImage Read(SafeFileHandle handle)
    {
        var length = RandomAccess.GetLength(handle);
        var ident = ReadAt(handle, length, 0, 16);
        if (!IsElfMagic(ident))
        {
            throw new ElfFormatException("no ELF magic");
        }

        var is64 = ident[4] switch
        {
            1 => false,
            2 => true,
            _ => throw new ElfFormatException($"unknown ELF class {ident[4]}"),
        };
        var bigEndian = ident[5] switch
        {
            1 => false,
            2 => true,
            _ => throw new ElfFormatException($"unknown ELF data encoding {ident[5]}"),
        };
        var file = new ElfFields(handle, length, is64, bigEndian);
        var header = file.Read(0, is64 ? 64 : 52);
        var machine = file.U16(header, 18);
        var phoff = is64 ? file.U64(header, 32) : file.U32(header, 28);
        var shoff = is64 ? file.U64(header, 40) : file.U32(header, 32);
        var phentsize = file.U16(header, is64 ? 54 : 42);
        var phnum = file.U16(header, is64 ? 56 : 44);
        var shentsize = file.U16(header, is64 ? 58 : 46);
        var shnum = (long)file.U16(header, is64 ? 60 : 48);

        var segments = ReadSegments(file, phoff, phentsize, phnum);
        string? interpreter = null;
        if (segments.FirstOrDefault(s => s.Type == PtInterp) is { } interp)
        {
            interpreter = Encoding.UTF8.GetString(file.Read(interp.Offset, Math.Min(interp.FileSize, 4096))).TrimEnd('\0');
        }

        if (shoff != 0 && shnum == 0 && shentsize >= (is64 ? 64 : 40))
        {
            // Extended numbering: more than 0xff00 sections, the real count sits in section 0's sh_size.
            var first = file.Read(shoff, shentsize);
            shnum = is64 ? file.U64(first, 32) : file.U32(first, 20);
        }

        var needs = shoff != 0 && shnum > 0
            ? ReadNeedsFromSections(file, shoff, shentsize, shnum)
            : ReadNeedsFromDynamic(file, segments);
        return new ElfImage(is64, bigEndian, machine, interpreter, needs);
    }

    private static List<Segment> ReadSegments(ElfFields file, long phoff, int phentsize, int phnum)
    {
        var segments = new List<Segment>();
        if (phoff == 0 || phnum == 0)
        {
            return segments;
        }

        if (phentsize < (file.Is64 ? 56 : 32))
        {
            throw new ElfFormatException($"program header entry size {phentsize} is too small");
        }

        for (var i = 0; i < phnum; i++)
        {
            var entry = file.Read(phoff + ((long)i * phentsize), phentsize);
            segments.Add(file.Is64
                ? new Segment(file.U32(entry, 0), file.U64(entry, 8), file.U64(entry, 16), file.U64(entry, 32))
                : new Segment(file.U32(entry, 0), file.U32(entry, 4), file.U32(entry, 8), file.U32(entry, 16)));
        }

        return segments;
    }

    private static ImmutableArray<ElfVersionNeed> ReadNeedsFromSections(ElfFields file, long shoff, int shentsize, long shnum)
    {
        if (shentsize < (file.Is64 ? 64 : 40) || shnum > 1_000_000)
        {
            throw new ElfFormatException($"implausible section headers ({shnum} of {shentsize} bytes)");
        }

        var sections = new List<Section>();
        for (long i = 0; i < shnum; i++)
        {
            var entry = file.Read(shoff + (i * shentsize), shentsize);
            sections.Add(file.Is64
                ? new Section(file.U32(entry, 4), file.U64(entry, 24), file.U64(entry, 32), file.U32(entry, 40), file.U32(entry, 44))
                : new Section(file.U32(entry, 4), file.U32(entry, 16), file.U32(entry, 20), file.U32(entry, 24), file.U32(entry, 28)));
        }

        var verneed = sections.FirstOrDefault(s => s.Type == ShtGnuVerneed);
        if (verneed is null)
        {
            return [];
        }

        if (verneed.Link >= sections.Count)
        {
            throw new ElfFormatException($"version section links to missing string table {verneed.Link}");
        }

        var strings = sections[(int)verneed.Link];
        return ReadNeeds(file, verneed.Offset, verneed.Size, verneed.Info, strings.Offset, strings.Size);
    }

    private static ImmutableArray<ElfVersionNeed> ReadNeedsFromDynamic(ElfFields file, List<Segment> segments)
    {
        if (segments.FirstOrDefault(s => s.Type == PtDynamic) is not { } dynamic)
        {
            return [];
        }

        var entrySize = file.Is64 ? 16 : 8;
        var table = file.Read(dynamic.Offset, Math.Min(dynamic.FileSize, MaxTableBytes));
        long strtab = 0, strsz = 0, verneed = 0, verneednum = 0;
        for (var at = 0; at + entrySize <= table.Length; at += entrySize)
        {
            var tag = file.Is64 ? (long)file.U64(table, at) : file.U32(table, at);
            var value = file.Is64 ? file.U64(table, at + 8) : file.U32(table, at + 4);
            switch (tag)
            {
                case DtNull:
                    at = table.Length;
                    break;
                case DtStrtab:
                    strtab = value;
                    break;
                case DtStrsz:
                    strsz = value;
                    break;
                case DtVerneed:
                    verneed = value;
                    break;
                case DtVerneednum:
                    verneednum = value;
                    break;
                default:
                    break;
            }
        }

        if (verneed == 0 || verneednum == 0)
        {
            return [];
        }

        // DT_* values are virtual addresses: map them to file offsets through the PT_LOAD segments.
        var needOffset = ToFileOffset(segments, verneed);
        var stringsOffset = ToFileOffset(segments, strtab);
        return ReadNeeds(file, needOffset, file.Length - needOffset, verneednum, stringsOffset, strsz);
    }

    private static long ToFileOffset(List<Segment> segments, long address)
    {
        foreach (var segment in segments.Where(s => s.Type == PtLoad))
        {
            if (address >= segment.VirtualAddress && address < segment.VirtualAddress + segment.FileSize)
            {
                return segment.Offset + (address - segment.VirtualAddress);
            }
        }

        throw new ElfFormatException($"address 0x{address:x} is in no loaded segment");
    }

    private static ImmutableArray<ElfVersionNeed> ReadNeeds(ElfFields file, long offset, long size, long count, long stringsOffset, long stringsSize)
    {
        if (count > MaxEntries)
        {
            throw new ElfFormatException($"implausible version need count {count}");
        }

        var table = file.Read(offset, Math.Min(size, MaxTableBytes));
        var strings = file.Read(stringsOffset, Math.Min(stringsSize, MaxTableBytes));
        var needs = ImmutableArray.CreateBuilder<ElfVersionNeed>();
        long need = 0;
        var seen = 0;
        for (var i = 0; i < count; i++)
        {
            var library = ReadString(strings, file.U32(table, need + 4));
            var auxCount = file.U16(table, need + 2);
            var aux = need + file.U32(table, need + 8);
            for (var j = 0; j < auxCount; j++)
            {
                if (++seen > MaxEntries)
                {
                    throw new ElfFormatException("version need entries do not end");
                }

                needs.Add(new ElfVersionNeed(library, ReadString(strings, file.U32(table, aux + 8))));
                var nextAux = file.U32(table, aux + 12);
                if (nextAux == 0)
                {
                    break;
                }

                aux += nextAux;
            }

            var next = file.U32(table, need + 12);
            if (next == 0)
            {
                break;
            }

            need += next;
        }

        return needs.ToImmutable();
    }

    private static string ReadString(byte[] strings, long offset)
    {
        if (offset < 0 || offset >= strings.Length)
        {
            throw new ElfFormatException($"string offset {offset} is outside the string table");
        }

        var span = strings.AsSpan((int)offset);
        var end = span.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
    }

    private static byte[] ReadAt(SafeFileHandle handle, long length, long offset, long count)
    {
        if (offset < 0 || count < 0 || offset > length || count > length - offset)
        {
            throw new ElfFormatException($"{count} bytes at offset {offset} run past the end of the file ({length} bytes)");
        }

        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = RandomAccess.Read(handle, buffer.AsSpan(read), offset + read);
            if (n == 0)
            {
                throw new ElfFormatException("file ended while reading");
            }

            read += n;
        }

        return buffer;
    }

    private sealed record Segment(uint Type, long Offset, long VirtualAddress, long FileSize);

    private sealed record Section(uint Type, long Offset, long Size, uint Link, uint Info);

    /// <summary>Bounds-checked field access in the file's byte order.</summary>
    private sealed class ElfFields(SafeFileHandle handle, long length, bool is64, bool bigEndian)
    {
        public bool Is64 { get; } = is64;

        public long Length { get; } = length;

        public byte[] Read(long offset, long count) => ReadAt(handle, Length, offset, count);

        public ushort U16(byte[] bytes, long at) => bigEndian
            ? BinaryPrimitives.ReadUInt16BigEndian(Slice(bytes, at, 2))
            : BinaryPrimitives.ReadUInt16LittleEndian(Slice(bytes, at, 2));

        public uint U32(byte[] bytes, long at) => bigEndian
            ? BinaryPrimitives.ReadUInt32BigEndian(Slice(bytes, at, 4))
            : BinaryPrimitives.ReadUInt32LittleEndian(Slice(bytes, at, 4));

        public long U64(byte[] bytes, long at)
        {
            var value = bigEndian
                ? BinaryPrimitives.ReadUInt64BigEndian(Slice(bytes, at, 8))
                : BinaryPrimitives.ReadUInt64LittleEndian(Slice(bytes, at, 8));
            return value > long.MaxValue ? throw new ElfFormatException($"value 0x{value:x} is out of range") : (long)value;
        }

        private static ReadOnlySpan<byte> Slice(byte[] bytes, long at, int count) =>
            at < 0 || at + count > bytes.Length
                ? throw new ElfFormatException($"field at {at} runs past its table ({bytes.Length} bytes)")
                : bytes.AsSpan((int)at, count);
    }
}
