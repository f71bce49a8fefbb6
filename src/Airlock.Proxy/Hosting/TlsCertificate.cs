using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Airlock.Proxy.Hosting;

/// <summary>The certificate of <c>https://</c> listeners, read from PEM files as certbot and most CAs write them.</summary>
internal static class TlsCertificate
{
    public const string Hint = "pass --cert with a PEM certificate (chain) file and --key with its unencrypted PEM private key (PKCS#8, RSA or EC), for example certbot's fullchain.pem and privkey.pem";

    /// <exception cref="InvalidDataException">A file is missing or unreadable, or the key does not match the certificate; the message names the file.</exception>
    public static X509Certificate2 LoadPem(string certificateFile, string keyFile)
    {
        foreach (var file in (ReadOnlySpan<string>)[certificateFile, keyFile])
        {
            if (!File.Exists(file))
            {
                throw new InvalidDataException($"'{file}' does not exist.");
            }
        }

        try
        {
            var certificate = X509Certificate2.CreateFromPemFile(certificateFile, keyFile);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidDataException($"'{keyFile}' holds no private key for the certificate in '{certificateFile}'.");
            }

            return certificate;
        }
        catch (CryptographicException ex)
        {
            // The runtime's message says what is wrong (no PEM block, key and certificate do not match, ...).
            throw new InvalidDataException($"'{certificateFile}' with key '{keyFile}' cannot be used: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidDataException($"'{certificateFile}' with key '{keyFile}' cannot be used: {ex.Message}", ex);
        }
    }
}
