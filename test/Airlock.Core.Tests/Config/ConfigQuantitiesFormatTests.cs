using Airlock.Core.Config;

namespace Airlock.Core.Tests.Config;

public sealed class ConfigQuantitiesFormatTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(500, "500ms")]
    [InlineData(1500, "1.5s")]
    [InlineData(30_000, "30s")]
    [InlineData(90_000, "90s")]
    [InlineData(300_000, "5m")]
    [InlineData(3_600_000, "1h")]
    public void FormatDuration_Duration_ReadsBackAsTheSame(int milliseconds, string text)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Equal(text, ConfigQuantities.FormatDuration(duration));
        Assert.True(ConfigQuantities.TryParseDuration(text, out var parsed));
        Assert.Equal(duration, parsed);
    }
}
