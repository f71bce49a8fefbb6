namespace ChatAgent.KnowledgeBase;

/// <summary>What was loaded, swapped in whole so a request never sees half a knowledge base.</summary>
internal sealed record KnowledgeBaseSnapshot(Bm25Index Index, int Documents, long Bytes, string Path);
