using System.Text.Json.Serialization;

namespace Airlock.Bench.Docker;

/// <summary>One assertion from hadolint's rule specs: a Dockerfile and whether the rule fires on it.</summary>
internal sealed record HadolintCase(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("expect")] string Expect,
    [property: JsonPropertyName("onbuild")] bool OnBuild,
    [property: JsonPropertyName("dockerfile")] string Dockerfile,
    [property: JsonPropertyName("desc")] string Description,
    [property: JsonPropertyName("config_override")] bool ConfigOverride)
{
    public bool Fires => Expect == "fires";
}
