using System.Globalization;
using System.Text.Json.Nodes;
using Airlock.Core.Readiness;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Live;

/// <summary>Row 8: a request with a user time zone gets a local timestamp at that zone's offset, not UTC.</summary>
internal sealed class TimeZoneRow : ILiveRow
{
    public RubricRowTemplate Template(LiveSession session) => new()
    {
        CheckId = LiveCheck.CheckId,
        Row = "time-zone",
        FailureMode = "Timestamps shown in UTC instead of the user's time zone",
        Test = $"POST {session.Config.Turn.Path} with {session.Config.Turn.TimeZoneField} = {session.Config.TimeZone.Zone} → {session.Config.TimeZone.Field} at that zone's UTC offset",
        Severity = Severity.Cosmetic,
        Step = CountdownStep.OpenUrl,
        Fix = "Convert timestamps to the user's IANA zone (sent by the client) before showing them; ship the tz database in the image.",
    };

    public async Task<RubricRow> RunAsync(LiveSession session, CancellationToken cancellationToken)
    {
        var template = Template(session);
        var config = session.Config.TimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(config.Zone, out var zone))
        {
            return template.Skipped($"this machine does not know the zone {config.Zone} (install tzdata)");
        }

        var answer = TurnAnswer.Read(session, await session.TurnAsync(session.NewUser("time-zone user"), config.Message, cancellationToken, (session.Config.Turn.TimeZoneField, JsonValue.Create(config.Zone))));
        if (!answer.Exchange.Succeeded)
        {
            return template.Fail($"the turn failed: {LiveText.Describe(answer.Exchange)}", [LiveText.Of(answer.Exchange)]);
        }

        var text = answer.Field(config.Field);
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return template.Fail($"no timestamp with an offset at {config.Field} (found '{text ?? "nothing"}')", [LiveText.Of(answer.Exchange, LiveText.Excerpt(answer.Exchange.Body))]);
        }

        var expected = zone.GetUtcOffset(local.UtcDateTime);
        var evidence = LiveText.Of(answer.Exchange, $"{config.Field} = {text}; {config.Zone} is UTC{Offset(expected)}");
        return local.Offset == expected
            ? template.Pass($"{text} is local time in {config.Zone}", [evidence])
            : template.Fail($"{text} is at UTC{Offset(local.Offset)}, not {config.Zone}'s UTC{Offset(expected)}", [evidence]);
    }

    private static string Offset(TimeSpan offset) => (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
