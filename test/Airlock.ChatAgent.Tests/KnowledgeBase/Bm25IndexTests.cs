using ChatAgent.KnowledgeBase;

namespace Airlock.ChatAgent.Tests.KnowledgeBase;

public class Bm25IndexTests
{
    private static readonly Passage Refunds = new("returns.md", "Returns", "Refunds", "A refund is paid within 14 days after the parcel returns.");
    private static readonly Passage Delivery = new("shipping.md", "Shipping", "Delivery", "Parcels ship within two days. International delivery takes ten days.");
    private static readonly Passage Themes = new("widget.md", "Widget", "Themes", "The widget has a dark theme and a light theme.");

    [Fact]
    public void Search_TermInOnePassage_RanksThatPassageFirst()
    {
        var index = new Bm25Index([Refunds, Delivery, Themes]);

        var hits = index.Search("How long does international delivery take?", 3);

        Assert.Equal(Delivery, hits[0].Passage);
        Assert.Single(hits);
    }

    [Fact]
    public void Search_RareTermBeatsCommonTerm_ByInverseDocumentFrequency()
    {
        // Same lengths, one matched term each: only the terms' rarity separates them.
        var common1 = new Passage("a.md", "A", "", "alpha beta");
        var common2 = new Passage("b.md", "B", "", "alpha gamma");
        var rare = new Passage("c.md", "C", "", "delta epsilon");
        var index = new Bm25Index([common1, common2, rare]);

        var hits = index.Search("alpha delta", 3);

        Assert.Equal(rare, hits[0].Passage);
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.Equal(hits[1].Score, hits[2].Score);
    }

    [Fact]
    public void Search_RepeatedTerm_ScoresHigherThanSingleMentionOfSameLength()
    {
        var once = new Passage("a.md", "A", "A", "theme color size font");
        var twice = new Passage("b.md", "B", "B", "theme theme size font");
        var index = new Bm25Index([once, twice, Delivery]);

        var hits = index.Search("theme", 3);

        Assert.Equal(twice, hits[0].Passage);
        Assert.Equal(once, hits[1].Passage);
    }

    [Fact]
    public void Search_OnlyStopWords_ReturnsNothing()
    {
        var index = new Bm25Index([Refunds, Delivery, Themes]);

        Assert.Empty(index.Search("how do I do it?", 3));
    }

    [Fact]
    public void Search_TermCoverage_IsShareOfDistinctQueryTermsMatched()
    {
        var index = new Bm25Index([Refunds, Delivery, Themes]);

        var hit = Assert.Single(index.Search("refund unicorn", 3));

        Assert.Equal(0.5, hit.TermCoverage);
    }

    [Fact]
    public void Search_PluralAndSingular_MatchEachOther()
    {
        var index = new Bm25Index([Refunds, Delivery, Themes]);

        Assert.Equal(Themes, index.Search("themes", 3)[0].Passage);
        Assert.Equal(Refunds, index.Search("refunds", 3)[0].Passage);
    }

    [Theory]
    [InlineData("embedding", "embed")]
    [InlineData("embedded", "embeds")]
    [InlineData("changed", "change")]
    [InlineData("talking", "talk")]
    [InlineData("logged", "log")]
    [InlineData("replies", "reply")]
    public void Search_InflectedForm_MatchesBaseForm(string query, string passageWord)
    {
        var passage = new Passage("a.md", "A", "", passageWord + " something");
        var index = new Bm25Index([passage, Themes]);

        Assert.Equal(passage, Assert.Single(index.Search(query, 3)).Passage);
    }
}
