namespace ChatAgent.KnowledgeBase;

/// <summary>The knowledge base cannot be loaded as configured; the message names the key to change.</summary>
internal sealed class KnowledgeBaseException(string message) : Exception(message);
