using System.Net.Http.Headers;
using System.Text;
using Airlock.Proxy.Forwarding;
using Airlock.Proxy.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Tests.Telemetry;

public sealed class ErrorFingerprintTests
{
    private static ForwardResult Completed(int status, string? problemCode = null) =>
        new(ForwardStatus.Completed, status, null, 0, 0, TimeSpan.Zero) { ProblemCode = problemCode };

    [Fact]
    public void Of_ErrorWithAppHeader_UsesTheHeaderBeforeTheProblemCode()
    {
        var headers = new HeaderDictionary { ["X-Error-Code"] = "quota_exhausted" };

        Assert.Equal("quota_exhausted", ErrorFingerprint.Of(Completed(500, "from_body"), headers, "X-Error-Code"));
        Assert.Equal("from_body", ErrorFingerprint.Of(Completed(500, "from_body"), new HeaderDictionary(), "X-Error-Code"));
        Assert.Equal("status:503", ErrorFingerprint.Of(Completed(503), new HeaderDictionary(), "X-Error-Code"));
        Assert.Equal("status:404", ErrorFingerprint.Of(Completed(404), headers, null));
    }

    [Fact]
    public void Of_SuccessOrClientAbort_HasNoFingerprint()
    {
        var headers = new HeaderDictionary { ["X-Error-Code"] = "ignored" };

        Assert.Null(ErrorFingerprint.Of(Completed(200), headers, "X-Error-Code"));
        Assert.Null(ErrorFingerprint.Of(Completed(302), headers, "X-Error-Code"));
        Assert.Null(ErrorFingerprint.Of(new ForwardResult(ForwardStatus.ClientAborted, 200, null, 0, 0, null), headers, "X-Error-Code"));
    }

    [Fact]
    public void Of_TransportFailure_UsesTheProxysOwnCode()
    {
        Assert.Equal("upstream_unreachable", ErrorFingerprint.Of(new ForwardResult(ForwardStatus.UpstreamFailed, 502, ProxyErrorCode.UpstreamUnreachable, 0, 0, null), null, "X-Error-Code"));
        Assert.Equal("upstream_stream_idle_timeout", ErrorFingerprint.Of(new ForwardResult(ForwardStatus.UpstreamAbortedMidResponse, 200, ProxyErrorCode.UpstreamStreamIdleTimeout, 0, 0, null), null, "X-Error-Code"));
    }

    [Theory]
    [InlineData("  db_timeout ", "db_timeout")]
    [InlineData("naïve code", "na_ve_code")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    public void Sanitize_Code_PrintableAsciiOnly(string code, string? expected) => Assert.Equal(expected, ErrorFingerprint.Sanitize(code));

    [Fact]
    public void Sanitize_LongCode_IsCut() => Assert.Equal(ErrorFingerprint.MaxLength, ErrorFingerprint.Sanitize(new string('x', 1000))!.Length);

    [Fact]
    public void FingerprintTable_MoreThanCapacityDistinctKeys_RestCountAsOther()
    {
        var table = new FingerprintTable();
        for (var i = 0; i < FingerprintTable.Capacity + 10; i++)
        {
            table.Count(table.IndexOf($"code-{i}"));
        }

        table.Count(table.IndexOf("code-0"));

        var totals = table.Totals();
        Assert.Equal(FingerprintTable.Capacity + 1, totals.Count);
        Assert.Equal(new FingerprintCount("other", 10), totals[0]);
        Assert.Equal(new FingerprintCount("code-0", 2), totals[1]);
        Assert.Equal(FingerprintTable.Capacity, table.IndexOf("never-seen-before"));
    }

    [Fact]
    public void ProblemBodyPrefix_SmallProblemInChunks_YieldsItsCode()
    {
        var prefix = ProblemBodyPrefix.For(422, Headers("application/problem+json", null))!;
        var body = Encoding.UTF8.GetBytes("""{"type":"https://example.com/probs/out-of-credit","title":"No credit","code":"out_of_credit"}""");
        prefix.Append(body.AsSpan(0, 10));
        prefix.Append(body.AsSpan(10));

        Assert.Equal("out_of_credit", prefix.Code());
    }

    [Theory]
    [InlineData("""{"type":"https://example.com/probs/out-of-credit","title":"x"}""", "https://example.com/probs/out-of-credit")]
    [InlineData("""{"type":"about:blank","title":"x"}""", null)]
    [InlineData("""not json at all""", null)]
    [InlineData("""["type"]""", null)]
    public void ProblemBodyPrefix_Body_TypeUnlessBlank(string body, string? expected)
    {
        var prefix = ProblemBodyPrefix.For(500, Headers("application/problem+json", null))!;
        prefix.Append(Encoding.UTF8.GetBytes(body));

        Assert.Equal(expected, prefix.Code());
    }

    [Fact]
    public void ProblemBodyPrefix_BodyLongerThanTheLimit_IsNotParsed()
    {
        var prefix = ProblemBodyPrefix.For(500, Headers("application/problem+json", null))!;
        prefix.Append(Encoding.UTF8.GetBytes("""{"code":"big","detail":" """ + new string('x', ProblemBodyPrefix.Limit) + "\"}"));

        Assert.Null(prefix.Code());
        Assert.Null(ProblemBodyPrefix.For(500, Headers("application/problem+json", ProblemBodyPrefix.Limit + 1)));
    }

    [Fact]
    public void ProblemBodyPrefix_SuccessOrOtherMediaType_IsNotCollected()
    {
        Assert.Null(ProblemBodyPrefix.For(200, Headers("application/problem+json", 10)));
        Assert.Null(ProblemBodyPrefix.For(500, Headers("application/json", 10)));
    }

    private static HttpContentHeaders Headers(string mediaType, long? length)
    {
        // A stream without a length, as a chunked response has: ByteArrayContent would compute a length of 0.
        using var content = new StreamContent(new NonSeekableStream([]));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Headers.ContentLength = length;
        return content.Headers;
    }

    [Fact]
    public void Outcome_BodyTooLarge_IsTheClientsNotATransportFailure()
    {
        var tooLarge = new ForwardResult(ForwardStatus.UpstreamFailed, 413, ProxyErrorCode.RequestBodyTooLarge, 0, 0, null);
        var unreachable = new ForwardResult(ForwardStatus.UpstreamFailed, 502, ProxyErrorCode.UpstreamUnreachable, 0, 0, null);

        Assert.Equal(RequestOutcome.ClientError, RequestOutcomes.Of(tooLarge));
        Assert.Equal(RequestOutcome.TransportFailure, RequestOutcomes.Of(unreachable));
        Assert.Equal(RequestOutcome.Success, RequestOutcomes.Of(Completed(204)));
    }
}
