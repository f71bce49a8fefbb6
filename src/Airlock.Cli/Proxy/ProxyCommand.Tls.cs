using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Airlock.Cli.Hosting;
using Airlock.Proxy.Hosting;

namespace Airlock.Cli.Proxy;

internal sealed partial class ProxyCommand
{
    internal Option<string?> CertOption { get; } = new("--cert")
    {
        Description = "PEM certificate (chain) for https:// listen addresses, for example certbot's fullchain.pem.",
        HelpName = "FILE",
    };

    internal Option<string?> KeyOption { get; } = new("--key")
    {
        Description = "Unencrypted PEM private key of --cert, for example certbot's privkey.pem.",
        HelpName = "FILE",
    };

    /// <summary>The certificate when an https:// address is served; --cert and --key without one are a mistake too.</summary>
    private X509Certificate2? LoadCertificate(ParseResult parse, IEnumerable<ListenAddress> listen)
    {
        var certFile = parse.GetValue(CertOption);
        var keyFile = parse.GetValue(KeyOption);
        var tls = listen.Any(address => address.Tls);
        if (!tls)
        {
            return certFile is null && keyFile is null
                ? null
                : throw new UsageException("--cert and --key are only used by https:// listen addresses.", "add --listen https://HOST:PORT, or drop --cert and --key");
        }

        if (certFile is null || keyFile is null)
        {
            throw new UsageException("an https:// listen address needs --cert and --key.", TlsCertificate.Hint);
        }

        try
        {
            return TlsCertificate.LoadPem(certFile, keyFile);
        }
        catch (InvalidDataException ex)
        {
            throw new UsageException(ex.Message, TlsCertificate.Hint);
        }
    }
}
