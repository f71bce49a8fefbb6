using System.Buffers.Binary;
using System.Text;

namespace Airlock.Readiness.Tests.NativeAbi;

/// <summary>
/// Writes a minimal ELF file with a <c>.dynstr</c> and a <c>.gnu.version_r</c> section, in any class and byte
/// order: this machine has no cross compiler, and the reader must handle 32-bit and big-endian targets too.
/// </summary>
internal static class SyntheticElf
{
    public static byte[] Build(bool is64, bool bigEndian, string library, params string[] versions)
    {
        var bytes = new byte[0x400];
        var strings = new StringBuilder("\0");
        var libraryName = Append(strings, library);
        var versionNames = versions.Select(v => Append(strings, v)).ToArray();
        Encoding.ASCII.GetBytes(strings.ToString()).CopyTo(bytes, 0x100);

        bytes[0] = 0x7F;
        "ELF"u8.CopyTo(bytes.AsSpan(1));
        bytes[4] = (byte)(is64 ? 2 : 1);
        bytes[5] = (byte)(bigEndian ? 2 : 1);
        bytes[6] = 1;
        U16(bytes, 16, 3, bigEndian);
        U16(bytes, 18, 20, bigEndian);
        var shoff = 0x300;
        var shentsize = is64 ? 64 : 40;
        if (is64)
        {
            U64(bytes, 40, shoff, bigEndian);
            U16(bytes, 58, shentsize, bigEndian);
            U16(bytes, 60, 3, bigEndian);
        }
        else
        {
            U32(bytes, 32, shoff, bigEndian);
            U16(bytes, 46, shentsize, bigEndian);
            U16(bytes, 48, 3, bigEndian);
        }

        // One verneed entry at 0x200 followed by its vernaux entries, 16 bytes each in both classes.
        U16(bytes, 0x200, 1, bigEndian);
        U16(bytes, 0x202, versions.Length, bigEndian);
        U32(bytes, 0x204, libraryName, bigEndian);
        U32(bytes, 0x208, 16, bigEndian);
        for (var i = 0; i < versions.Length; i++)
        {
            var aux = 0x210 + (16 * i);
            U32(bytes, aux + 8, versionNames[i], bigEndian);
            U32(bytes, aux + 12, i == versions.Length - 1 ? 0 : 16, bigEndian);
        }

        Section(bytes, shoff + shentsize, is64, bigEndian, type: 3, offset: 0x100, size: strings.Length, link: 0, info: 0);
        Section(bytes, shoff + (2 * shentsize), is64, bigEndian, type: 0x6ffffffe, offset: 0x200, size: 16 + (16 * versions.Length), link: 1, info: 1);
        return bytes;
    }

    private static int Append(StringBuilder strings, string value)
    {
        var offset = strings.Length;
        strings.Append(value).Append('\0');
        return offset;
    }

    private static void Section(byte[] bytes, int at, bool is64, bool bigEndian, uint type, int offset, int size, int link, int info)
    {
        U32(bytes, at + 4, (int)type, bigEndian);
        if (is64)
        {
            U64(bytes, at + 24, offset, bigEndian);
            U64(bytes, at + 32, size, bigEndian);
            U32(bytes, at + 40, link, bigEndian);
            U32(bytes, at + 44, info, bigEndian);
        }
        else
        {
            U32(bytes, at + 16, offset, bigEndian);
            U32(bytes, at + 20, size, bigEndian);
            U32(bytes, at + 24, link, bigEndian);
            U32(bytes, at + 28, info, bigEndian);
        }
    }

    private static void U16(byte[] b, int at, int v, bool be)
    {
        if (be)
        {
            BinaryPrimitives.WriteUInt16BigEndian(b.AsSpan(at), (ushort)v);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), (ushort)v);
        }
    }

    private static void U32(byte[] b, int at, int v, bool be)
    {
        if (be)
        {
            BinaryPrimitives.WriteUInt32BigEndian(b.AsSpan(at), unchecked((uint)v));
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at), unchecked((uint)v));
        }
    }

    private static void U64(byte[] b, int at, long v, bool be)
    {
        if (be)
        {
            BinaryPrimitives.WriteUInt64BigEndian(b.AsSpan(at), (ulong)v);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(at), (ulong)v);
        }
    }
}
