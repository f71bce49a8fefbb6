using Airlock.Core.Config.Live;
using Airlock.Readiness.Live;

namespace Airlock.Readiness.Tests.Live;

public sealed class LiveUnitTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080/", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.9.9.9", true)]
    [InlineData("http://10.0.0.5", false)]
    [InlineData("https://chat.example.com", false)]
    [InlineData("http://localhost.example.com", false)]
    public void IsLoopback_Hosts_OnlyLoopbackAddressesAndLocalhost(string url, bool loopback) =>
        Assert.Equal(loopback, LiveTarget.IsLoopback(new Uri(url)));

    [Theory]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
    [InlineData("http://127.0.0.1:5080/chat", "http://127.0.0.1:5080/chat/")]
    public void TryCreate_BaseUrls_EndWithASlash(string text, string expected)
    {
        Assert.True(LiveTarget.TryCreate(text, out var uri, out _));
        Assert.Equal(expected, uri!.ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://127.0.0.1/?x=1")]
    [InlineData("http://user@127.0.0.1/")]
    public void TryCreate_NotABaseUrl_SaysWhy(string text)
    {
        Assert.False(LiveTarget.TryCreate(text, out _, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void Resolve_PathsUnderABasePath_StayOnTheOrigin()
    {
        using var session = Session("http://127.0.0.1:5080/chat/");

        Assert.Equal("http://127.0.0.1:5080/chat/health/ready", session.Resolve("/health/ready").ToString());
        Assert.Throws<ArgumentException>(() => session.Resolve("//evil.example/x"));
        Assert.Throws<ArgumentException>(() => session.Resolve("http://evil.example/x"));
    }

    [Theory]
    [InlineData("abc1234", "abc1234def5678", true)]
    [InlineData("ABC1234DEF", "abc1234def", true)]
    [InlineData("abc12", "abc1234def", false)]
    [InlineData("v2", "v1", false)]
    public void Matches_Revisions_AcceptsAbbreviationsOfSevenOrMore(string actual, string expected, bool matches) =>
        Assert.Equal(matches, VersionRow.Matches(actual, expected));

    [Fact]
    public void Find_PrometheusText_ReadsLabelledAndBareSeries()
    {
        const string text = """
            # HELP process_resident_memory_bytes Resident memory size in bytes.
            # TYPE process_resident_memory_bytes gauge
            process_resident_memory_bytes_total 5
            process_resident_memory_bytes{revision="a b}c"} 7.5e7
            other 1
            """;

        Assert.Equal(7.5e7, PrometheusSample.Find(text, "process_resident_memory_bytes"));
        Assert.Equal(1, PrometheusSample.Find(text, "other"));
        Assert.Null(PrometheusSample.Find(text, "missing"));
    }

    [Fact]
    public async Task ReadAsync_EventsSplitAcrossReads_NotesWhichReadBroughtFirstAndTerminal()
    {
        var stream = new ChunkedStream(["id: 1\nevent: started\ndata: {}\n\n: keep-alive\n\n", "id: 2\nevent: delta\nda", "ta: {\"text\":\"hi\"}\n\nid: 3\nevent: done\ndata: {\"answer\":\"hi\"}\n\n"]);

        var (_, trace) = await ServerSentEventTracer.ReadAsync(stream, "done", TimeProvider.System, TimeProvider.System.GetTimestamp(), CancellationToken.None);

        Assert.Equal(3, trace.Events);
        Assert.Equal(1, trace.FirstEventRead);
        Assert.Equal(3, trace.TerminalRead);
        Assert.Equal("done", trace.TerminalEvent);
        Assert.Equal("{\"answer\":\"hi\"}", trace.TerminalData);
    }

    private static LiveSession Session(string url)
    {
        Assert.True(LiveTarget.TryCreate(url, out var uri, out _));
        return new LiveSession(new LiveTarget { BaseUri = uri! }, new LiveConfig(), TimeProvider.System);
    }

    /// <summary>A stream that returns one given chunk per read, as a socket delivering separate segments would.</summary>
    private sealed class ChunkedStream(string[] chunks) : Stream
    {
        private int _next;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_next == chunks.Length)
            {
                return 0;
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(chunks[_next++]);
            bytes.CopyTo(buffer, offset);
            return bytes.Length;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
