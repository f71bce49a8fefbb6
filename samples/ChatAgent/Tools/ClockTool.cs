using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace ChatAgent.Tools;

/// <summary>
/// The current time in an IANA zone. <c>zone</c> is an IANA id ("Asia/Tokyo") or the city part of one ("Tokyo",
/// "new york"); anything else is an argument error, so the agent never states a time for a zone it guessed.
/// </summary>
internal sealed class ClockTool(TimeProvider time) : IAgentTool
{
    public const string ZoneArgument = "zone";

    private const int MaxZoneLength = 64;

    // City part of every zone id, lower case with spaces for underscores: "new york" -> "America/New_York".
    private static readonly Lazy<FrozenDictionary<string, string>> Cities = new(() => TimeZoneInfo.GetSystemTimeZones()
        .Where(z => z.Id.Contains('/', StringComparison.Ordinal))
        .GroupBy(z => z.Id[(z.Id.LastIndexOf('/') + 1)..].Replace('_', ' ').ToUpperInvariant())
        .ToFrozenDictionary(g => g.Key, g => g.OrderBy(z => z.Id, StringComparer.Ordinal).First().Id, StringComparer.Ordinal));

    public string Name => ToolNames.Clock;

    public string? ValidateArguments(IReadOnlyDictionary<string, string> arguments)
    {
        if (!arguments.TryGetValue(ZoneArgument, out var zone) || string.IsNullOrWhiteSpace(zone))
        {
            return "no time zone was given";
        }

        if (zone.Length > MaxZoneLength)
        {
            return $"a time zone name is at most {MaxZoneLength} characters";
        }

        return Resolve(zone) is null ? $"'{zone.Trim()}' is not a time zone or city I know" : null;
    }

    public Task<string> InvokeAsync(IReadOnlyDictionary<string, string> arguments, CancellationToken cancellationToken)
    {
        var zone = Resolve(arguments[ZoneArgument])!;
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["zone"] = zone.Id,
            ["local"] = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        }, ToolJsonContext.Default.DictionaryStringString);
        return Task.FromResult(json);
    }

    public string? ValidateResult(JsonElement result)
    {
        if (!result.TryGetProperty("zone", out var zone) || zone.ValueKind != JsonValueKind.String)
        {
            return "no 'zone'";
        }

        return result.TryGetProperty("local", out var local) && local.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParseExact(local.GetString(), "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : "no 'local' time";
    }

    private static TimeZoneInfo? Resolve(string zone)
    {
        var name = zone.Trim();
        if (TimeZoneInfo.TryFindSystemTimeZoneById(name, out var byId))
        {
            return byId;
        }

        return Cities.Value.TryGetValue(name.Replace('_', ' ').ToUpperInvariant(), out var id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var byCity)
            ? byCity
            : null;
    }
}
