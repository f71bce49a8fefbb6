using System.Security.Cryptography;
using System.Text;

namespace Airlock.Core.Security;

/// <summary>
/// A bearer token an API on loopback requires (the proxy's admin API, `airlock serve`). Compared in constant time over SHA-256 digests, so neither the
/// content nor the length of the token leaks through timing.
/// </summary>
public sealed class BearerToken
{
    private const string Scheme = "Bearer ";
    private readonly byte[] _digest;

    public BearerToken(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _digest = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        Redacted = $"{token[..Math.Min(4, token.Length)]}… (sha256 {Convert.ToHexStringLower(_digest)[..8]})";
    }

    /// <summary>A short prefix and a hash prefix: enough to tell tokens apart in a log, never enough to use one.</summary>
    public string Redacted { get; }

    /// <summary>Reads the token file, or creates it (owner read/write only) with 256 random bits on first start.</summary>
    public static BearerToken LoadOrCreate(string path, out bool created)
    {
        created = false;
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (text.Length < 16)
            {
                throw new InvalidDataException($"{path}: the token must be at least 16 characters; delete the file to have a new one made.");
            }

            return new BearerToken(text);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(path, new UTF8Encoding(false), options))
        {
            writer.Write(token);
        }

        created = true;
        return new BearerToken(token);
    }

    public bool Authorizes(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var offered = SHA256.HashData(Encoding.UTF8.GetBytes(authorizationHeader[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(offered, _digest);
    }
}
