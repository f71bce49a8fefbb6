namespace ChatAgent.Tools;

internal static class ToolNames
{
    public const string Clock = "clock";
    public const string KnowledgeBaseSearch = "knowledge_base_search";

    public static IReadOnlyList<string> All { get; } = [Clock, KnowledgeBaseSearch];
}
