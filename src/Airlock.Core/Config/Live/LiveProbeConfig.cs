using System.Collections.Immutable;
using Airlock.Core.Readiness;

namespace Airlock.Core.Config.Live;

/// <summary>A declarative probe: a request and what its response must show, as one rubric row.</summary>
public sealed record LiveProbeConfig
{
    /// <summary>The sample's own malformed-body error: proof the request reached the app, not a platform error page.</summary>
    public static LiveProbeConfig DefaultKnownBad { get; } = new()
    {
        Name = "known-bad input",
        Request = new LiveRequestConfig
        {
            Method = "POST",
            Path = "/agent/run",
            Headers = ImmutableDictionary<string, string>.Empty.Add("Content-Type", "application/json"),
            Body = "{\"message\": ",
        },
        Expect = new LiveExpectConfig
        {
            Status = 400,
            Json = ImmutableDictionary<string, string>.Empty.Add("code", "agent.malformed_body"),
        },
    };

    public required string Name { get; init; }

    public required LiveRequestConfig Request { get; init; }

    public LiveExpectConfig Expect { get; init; } = new();

    public Severity Severity { get; init; } = Severity.DegradesIt;

    public CountdownStep Step { get; init; } = CountdownStep.OpenUrl;

    public string? Owner { get; init; }

    public string? Fix { get; init; }

    /// <summary>Where it is declared, for evidence.</summary>
    public ConfigLocation Location { get; init; }
}
