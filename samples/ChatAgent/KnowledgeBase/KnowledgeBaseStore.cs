namespace ChatAgent.KnowledgeBase;

/// <summary>Holds the current knowledge base; null until startup has loaded it.</summary>
internal sealed class KnowledgeBaseStore
{
    private KnowledgeBaseSnapshot? _current;

    public KnowledgeBaseSnapshot? Current => Volatile.Read(ref _current);

    public void Publish(KnowledgeBaseSnapshot snapshot) => Volatile.Write(ref _current, snapshot);
}
