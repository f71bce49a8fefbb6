using Airlock.Rollouts.Metrics.Prometheus;

namespace Airlock.Rollouts.Tests.Metrics;

public sealed class PrometheusTextParserTests
{
    [Fact]
    public void Parse_Exposition_ReadsTypesLabelsEscapesSpecialValuesAndTimestamps()
    {
        const string text = """
            # A plain comment, ignored.
            # HELP http_requests_total Requests \\ with a help escape\n second line.
            # TYPE http_requests_total counter
            http_requests_total{method="post",code="200",} 1027 1395066363000
            http_requests_total{ method = "get" , path="C:\\dir\\\"x\"\nnext" } 3
            # TYPE queue_depth gauge
            queue_depth NaN
            queue_max +Inf
            queue_min	-Inf
            	rate:per_second 1.5e-3

            """;

        var scrape = PrometheusTextParser.Parse(text);

        Assert.Equal(PrometheusMetricType.Counter, scrape.TypeOf("http_requests_total"));
        Assert.Equal(PrometheusMetricType.Gauge, scrape.TypeOf("queue_depth"));
        Assert.Equal(PrometheusMetricType.Untyped, scrape.TypeOf("queue_max"));
        Assert.Equal(6, scrape.Samples.Length);
        var first = scrape.Samples[0];
        Assert.Equal((1027d, 1395066363000L), (first.Value, first.TimestampMs));
        Assert.Equal(["code", "method"], first.Labels.Keys);
        var second = scrape.Samples[1];
        Assert.Equal("C:\\dir\\\"x\"\nnext", second.Labels["path"]);
        Assert.Equal("get", second.Labels["method"]);
        Assert.True(double.IsNaN(scrape.Samples[2].Value));
        Assert.Equal(double.PositiveInfinity, scrape.Samples[3].Value);
        Assert.Equal(double.NegativeInfinity, scrape.Samples[4].Value);
        Assert.Equal(("rate:per_second", 0.0015), (scrape.Samples[5].Name, scrape.Samples[5].Value));
    }

    [Theory]
    [InlineData("ok 1\nbad{a=\"x} 1", 2)]
    [InlineData("bad{a=\"\\t\"} 1", 1)]
    [InlineData("bad{a=x} 1", 1)]
    [InlineData("bad{a=\"1\",a=\"2\"} 1", 1)]
    [InlineData("bad one", 1)]
    [InlineData("bad 1 2 3", 1)]
    [InlineData("bad 1 soon", 1)]
    [InlineData("\n\n# TYPE x countr\n", 3)]
    [InlineData("# TYPE x counter\n# TYPE x gauge", 2)]
    [InlineData("{a=\"1\"} 1", 1)]
    public void Parse_MalformedLine_ThrowsNamingTheLine(string text, int line)
    {
        var error = Assert.Throws<PrometheusFormatException>(() => PrometheusTextParser.Parse(text));

        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void FamilyOf_HistogramAndCounterParts_MapToTheirFamily()
    {
        var scrape = PrometheusTextParser.Parse("""
            # TYPE lat histogram
            lat_bucket{le="+Inf"} 2
            lat_sum 0.5
            lat_count 2
            # TYPE jobs counter
            jobs_total 4
            lone_count 1
            """);

        Assert.Equal(["lat", "lat", "lat", "jobs", "lone_count"], scrape.Samples.Select(s => scrape.FamilyOf(s.Name)));
    }

    [Fact]
    public async Task Parse_ChatModelExposition_IsPromtoolValidAndReadsBack()
    {
        var text = ChatModelExposition.Write("v3", 10, 1, 0.25, 4000, 900, 3.3, 11);
        await Promtool.AssertValidAsync(text);

        var scrape = PrometheusTextParser.Parse(text);

        Assert.Equal("1.0.0+abc \"quoted\" \\ path", scrape.Named("chatagent_build_info").Single().Labels["build"]);
        Assert.Equal(4900, scrape.Named("chatagent_model_tokens_total").Sum(s => s.Value));
        Assert.Equal(PrometheusMetricType.Histogram, scrape.TypeOf(scrape.FamilyOf("chatagent_context_window_utilisation_sum")));
    }
}
