using System.Text.Json;
using ChatAgent.Tools;
using Microsoft.Extensions.AI;

namespace ChatAgent.Model;

/// <summary>
/// How the tools are described to a model: declarations only (name, purpose, JSON Schema of the arguments). The model
/// asks; <see cref="ToolRunner"/> runs, with its timeouts and checks. Nothing here can invoke anything.
/// </summary>
internal static class ToolDeclarations
{
    public static IReadOnlyList<AITool> All { get; } =
    [
        AIFunctionFactory.CreateDeclaration(
            ToolNames.KnowledgeBaseSearch,
            "Search the support knowledge base. Returns numbered passages; cite them in the answer as [n].",
            Schema(KnowledgeBaseSearchTool.QueryArgument, "What to look for, in the user's words.")),
        AIFunctionFactory.CreateDeclaration(
            ToolNames.Clock,
            "The current local time in a time zone.",
            Schema(ClockTool.ZoneArgument, "An IANA time zone id such as Asia/Tokyo, or a city such as Tokyo.")),
    ];

    /// <summary>Estimated tokens the declarations add to every request that offers them.</summary>
    public static int Tokens { get; } = All.OfType<AIFunctionDeclaration>().Sum(d => TokenEstimator.Estimate(d.Name + d.Description + d.JsonSchema.GetRawText()));

    private static JsonElement Schema(string argument, string description)
    {
        var name = JsonEncodedText.Encode(argument);
        var text = JsonEncodedText.Encode(description);
        using var document = JsonDocument.Parse(
            $$$"""{"type":"object","properties":{"{{{name}}}":{"type":"string","description":"{{{text}}}"} },"required":["{{{name}}}"]}""");
        return document.RootElement.Clone();
    }
}
