using ChatAgent.KnowledgeBase;

namespace Airlock.ChatAgent.Tests.KnowledgeBase;

public class KnowledgeBaseLoaderTests
{
    [Fact]
    public void Load_OverMemoryBudget_ThrowsNamingSizeAndKey()
    {
        using var kb = TestKnowledgeBase.Tiny();

        var error = Assert.Throws<KnowledgeBaseException>(() =>
            KnowledgeBaseLoader.Load(new KnowledgeBaseOptions { Path = kb.Path, MaxBytes = 100 }, CancellationToken.None));

        Assert.Contains("KnowledgeBase:MaxBytes = 100", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 files", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_ThrowsNamingPathKey()
    {
        var missing = Path.Combine(Path.GetTempPath(), "chatagent-no-such-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<KnowledgeBaseException>(() =>
            KnowledgeBaseLoader.Load(new KnowledgeBaseOptions { Path = missing }, CancellationToken.None));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("KnowledgeBase:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedKnowledgeBase_LoadsWithDefaults()
    {
        // The sample must answer on a fresh machine with no configuration: its own knowledge base ships beside it.
        var snapshot = KnowledgeBaseLoader.Load(new KnowledgeBaseOptions(), CancellationToken.None);

        Assert.True(snapshot.Documents >= 3);
        Assert.True(snapshot.Index.Count >= snapshot.Documents);
    }
}
