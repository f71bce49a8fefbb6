using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Airlock.Proxy.Hosting;

namespace Airlock.Proxy.Tests.Hosting;

public sealed class TlsListenerTests
{
    [Theory]
    [InlineData("1.1")]
    [InlineData("2.0")]
    public async Task HttpsListener_ClientAsksForVersion_ServedOverTlsWithThatVersionOnOnePort(string version)
    {
        using var temp = new TempDirectory();
        var (certFile, keyFile) = WriteSelfSignedPem(temp.Path);
        using var certificate = TlsCertificate.LoadPem(certFile, keyFile);
        await using var v1 = await UpstreamServer.StartAsync("v1");
        await using var v2 = await UpstreamServer.StartAsync("v2");
        await using var proxy = await ProxyUnderTest.StartAsync(
            ProxyConfigLoader.Parse(ProxyUnderTest.TwoRevisions(v1, 1, v2, 0), "routes.yaml"), listen: "https://127.0.0.1:0", certificate: certificate);
        using var client = TrustingOnly(certificate);
        Assert.Equal("https", proxy.Address.Scheme);

        // Exact version: ALPN must really negotiate it; a downgrade would fail the request instead of passing quietly.
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(proxy.Address, "/hello"))
        {
            Version = Version.Parse(version),
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await client.SendAsync(request);
        var echo = await response.Content.ReadFromJsonAsync<EchoedRequest>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Version.Parse(version), response.Version);
        Assert.Equal("/hello", echo!.Path);
        Assert.Equal("https", echo.Headers["X-Forwarded-Proto"]);
        // The user-key cookie of a first-time visitor is Secure when the client came over TLS.
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("airlock_uid=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void LoadPem_KeyOfAnotherCertificate_FailsNamingTheFiles()
    {
        using var temp = new TempDirectory();
        var (certFile, _) = WriteSelfSignedPem(temp.Path);
        using var other = new TempDirectory();
        var (_, otherKey) = WriteSelfSignedPem(other.Path);

        var error = Assert.Throws<InvalidDataException>(() => TlsCertificate.LoadPem(certFile, otherKey));

        Assert.Contains(certFile, error.Message, StringComparison.Ordinal);
        Assert.Contains(otherKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadPem_MissingKeyFile_FailsNamingIt()
    {
        using var temp = new TempDirectory();
        var (certFile, _) = WriteSelfSignedPem(temp.Path);
        var missing = Path.Combine(temp.Path, "nope.pem");

        var error = Assert.Throws<InvalidDataException>(() => TlsCertificate.LoadPem(certFile, missing));

        Assert.Contains($"'{missing}' does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HttpsAddressWithoutCertificate_IsRefused()
    {
        var config = ProxyConfigLoader.Parse("routes:\n  - name: chat\n    revisions:\n      - { name: v1, upstream: 'http://127.0.0.1:1', weight: 1 }\n", "routes.yaml");

        Assert.Throws<ArgumentException>(() => ProxyServer.Create(config, ["https://127.0.0.1:0"], TimeProvider.System));
    }

    /// <summary>A fresh self-signed P-256 certificate for 127.0.0.1 and localhost, written as certbot would: two PEM files.</summary>
    internal static (string CertFile, string KeyFile) WriteSelfSignedPem(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=airlock-test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddMinutes(-5), TimeProvider.System.GetUtcNow().AddDays(1));
        var certFile = Path.Combine(folder, "fullchain.pem");
        var keyFile = Path.Combine(folder, "privkey.pem");
        File.WriteAllText(certFile, certificate.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile);
    }

    /// <summary>A client that accepts exactly this certificate (pinned by thumbprint) and nothing else.</summary>
    private static HttpClient TrustingOnly(X509Certificate2 certificate) =>
        new(new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == certificate.GetCertHashString() },
        });
}
