using Airlock.Core.Security;
using Airlock.Proxy.Admin;

namespace Airlock.Proxy.Tests.Admin;

public sealed class AdminServerTests
{
    [Theory]
    [InlineData("http://127.0.0.1:9090", true)]
    [InlineData("http://localhost:9090", true)]
    [InlineData("http://[::1]:9090", true)]
    [InlineData("http://0.0.0.0:9090", false)]
    [InlineData("http://10.1.2.3:9090", false)]
    [InlineData("http://[::]:9090", false)]
    [InlineData("h2c://127.0.0.1:9090", false)]
    [InlineData("http://example.com:9090", false)]
    public void IsLoopbackAddress_Address_OnlyLoopbackAccepted(string url, bool expected) =>
        Assert.Equal(expected, AdminServer.IsLoopbackAddress(url));

    [Fact]
    public void Create_NonLoopbackAddress_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => AdminServer.Create("http://0.0.0.0:0", new BearerToken("t"), null!, null!, null!));
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }
}
