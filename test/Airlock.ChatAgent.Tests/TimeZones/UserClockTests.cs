using Airlock.ChatAgent.Tests.Fakes;
using ChatAgent.TimeZones;

namespace Airlock.ChatAgent.Tests.TimeZones;

public class UserClockTests
{
    private static readonly UserClock Clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Now_KnownZone_ShowsLocalTimeWithOffset()
    {
        var stamp = Clock.Now("Europe/Paris");

        Assert.Equal("2026-07-01T14:00:00+02:00", stamp.Local);
        Assert.Equal("Europe/Paris", stamp.TimeZone);
        Assert.Null(stamp.Note);
    }

    [Fact]
    public void Now_ZoneWithHalfHourOffset_IsConverted()
    {
        Assert.Equal("2026-07-01T17:30:00+05:30", Clock.Now("Asia/Kolkata").Local);
    }

    [Fact]
    public void Now_UnknownZone_FallsBackToUtcWithLabel()
    {
        var stamp = Clock.Now("Mars/Olympus_Mons");

        Assert.Equal("2026-07-01T12:00:00+00:00", stamp.Local);
        Assert.Equal("UTC", stamp.TimeZone);
        Assert.Contains("Mars/Olympus_Mons", stamp.Note, StringComparison.Ordinal);
        Assert.Contains("UTC", stamp.Note, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Now_NoZone_FallsBackToUtcWithLabel(string? zone)
    {
        var stamp = Clock.Now(zone);

        Assert.Equal("UTC", stamp.TimeZone);
        Assert.NotNull(stamp.Note);
    }
}
