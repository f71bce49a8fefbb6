using Airlock.Core.Config;
using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Hosting;

namespace Airlock.Proxy.Tests.Hosting;

public sealed class MeasuringOptionsTests
{
    private const string Routes = """
        routes:
          - name: chat
            revisions:
              - { name: v1, upstream: "http://127.0.0.1:5001", weight: 1 }
        """;

    [Fact]
    public void Parse_NoForwardingSection_DrainsTenMinutesAndReadsXErrorCode()
    {
        var config = ProxyConfigLoader.Parse(Routes, "routes.yaml");

        Assert.Equal(TimeSpan.FromMinutes(10), config.Forwarding.DrainTimeout);
        Assert.Equal("X-Error-Code", config.Forwarding.ErrorCodeHeader);
        Assert.Equal(ForwarderOptions.Default, config.Forwarding);
    }

    [Fact]
    public void Parse_DrainTimeoutAndErrorCodeHeader_AreRead()
    {
        var config = ProxyConfigLoader.Parse("forwarding:\n  drainTimeout: 30m\n  errorCodeHeader: X-App-Error\n" + Routes, "routes.yaml");

        Assert.Equal(TimeSpan.FromMinutes(30), config.Forwarding.DrainTimeout);
        Assert.Equal("X-App-Error", config.Forwarding.ErrorCodeHeader);
    }

    [Fact]
    public void Parse_BadDrainTimeoutAndHeaderName_ReportsBothWithLines()
    {
        var error = Assert.Throws<ConfigException>(() =>
            ProxyConfigLoader.Parse("forwarding:\n  drainTimeout: forever\n  errorCodeHeader: \"X Error\"\n" + Routes, "routes.yaml"));

        Assert.Equal(2, error.Errors.Length);
        Assert.Equal(2, error.Errors[0].Location.Line);
        Assert.Contains("drainTimeout", error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Errors[1].Location.Line);
        Assert.Contains("not a header name", error.Errors[1].Message, StringComparison.Ordinal);
    }
}
