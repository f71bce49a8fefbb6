namespace ChatAgent.Agent;

internal static class AgentModes
{
    /// <summary>No model configured: extractive answers from the knowledge base.</summary>
    public const string KnowledgeBaseOnly = "knowledge-base-only";

    /// <summary>An <c>IChatClient</c> is registered and answers with the knowledge base as context.</summary>
    public const string Model = "model";
}
