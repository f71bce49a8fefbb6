using ChatAgent.KnowledgeBase;

namespace Airlock.ChatAgent.Tests.KnowledgeBase;

public class ExtractiveAnswererTests
{
    private static readonly Bm25Index Index = new(
    [
        new Passage("returns.md", "Returns", "Refunds", "A refund is paid within 14 days after the parcel returns. Shipping labels are free."),
        new Passage("shipping.md", "Shipping", "Delivery", "Parcels ship within two days. International delivery takes ten days."),
        new Passage("widget.md", "Widget", "Themes", "The widget has a dark theme and a light theme."),
    ]);

    [Fact]
    public void Answer_RelevantQuestion_QuotesTheBestSentenceWithCitation()
    {
        var answer = ExtractiveAnswerer.Answer(Index, "When is my refund paid?", new KnowledgeBaseOptions { MinScore = 0.1 });

        Assert.NotNull(answer.Text);
        Assert.StartsWith("A refund is paid within 14 days", answer.Text, StringComparison.Ordinal);
        Assert.EndsWith("[1]", answer.Text, StringComparison.Ordinal);
        Assert.Equal("returns.md", answer.Sources[0].Passage.Source);
    }

    [Fact]
    public void Answer_NothingRelevant_ReturnsNoTextAndNoSources()
    {
        var answer = ExtractiveAnswerer.Answer(Index, "What is the weather on Mars?", new KnowledgeBaseOptions());

        Assert.Null(answer.Text);
        Assert.Empty(answer.Sources);
    }

    [Fact]
    public void Answer_MatchBelowMinScore_SaysItDoesNotKnow()
    {
        var question = "dark theme";
        var best = Index.Search(question, 1)[0].Score;

        var below = ExtractiveAnswerer.Answer(Index, question, new KnowledgeBaseOptions { MinScore = best + 0.01 });
        var at = ExtractiveAnswerer.Answer(Index, question, new KnowledgeBaseOptions { MinScore = best });

        Assert.Null(below.Text);
        Assert.NotNull(at.Text);
    }

    [Fact]
    public void Answer_OneWordOfALongQuestionMatches_IsBelowTermCoverage()
    {
        // Only "theme" matches among five content words: too little of the question is covered to answer it.
        var answer = ExtractiveAnswerer.Answer(
            Index,
            "Which theme suits pirate treasure maps drawn underwater?",
            new KnowledgeBaseOptions { MinScore = 0, MinTermCoverage = 0.34 });

        Assert.Null(answer.Text);
    }

    [Fact]
    public void Answer_OnlyOneOfTwoTermsMatches_IsBelowMinMatchedTerms()
    {
        // "dark" matches the themes passage; "weather" matches nothing. One shared word is not an answer.
        var strict = ExtractiveAnswerer.Answer(Index, "dark weather", new KnowledgeBaseOptions { MinScore = 0, MinTermCoverage = 0 });
        var lenient = ExtractiveAnswerer.Answer(Index, "dark weather", new KnowledgeBaseOptions { MinScore = 0, MinTermCoverage = 0, MinMatchedTerms = 1 });

        Assert.Null(strict.Text);
        Assert.NotNull(lenient.Text);
    }

    [Fact]
    public void Answer_OneTermQuestion_NeedsOnlyThatTerm()
    {
        var answer = ExtractiveAnswerer.Answer(Index, "refunds?", new KnowledgeBaseOptions { MinScore = 0.1 });

        Assert.NotNull(answer.Text);
    }
}
