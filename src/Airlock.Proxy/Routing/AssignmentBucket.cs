using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Airlock.Proxy.Routing;

/// <summary>
/// bucket = hash(salt + user key) in [0, 10000). SHA-256 rather than <see cref="string.GetHashCode()"/> because the
/// bucket must be the same in every process and after every restart, and uniform for any salt.
/// </summary>
internal static class AssignmentBucket
{
    public const int Count = 10_000;

    public static int Compute(string salt, string userKey)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(userKey);

        // A separator keeps ("ab", "c") and ("a", "bc") apart.
        var text = string.Concat(salt, "\n", userKey);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = maxBytes <= 512 ? null : new byte[maxBytes];
        Span<byte> bytes = rented ?? stackalloc byte[512];
        var length = Encoding.UTF8.GetBytes(text, bytes);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(bytes[..length], hash);

        // 64 bits reduced modulo 10,000: the bias is below 10^-15, far under any sampling noise.
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Count);
    }
}
