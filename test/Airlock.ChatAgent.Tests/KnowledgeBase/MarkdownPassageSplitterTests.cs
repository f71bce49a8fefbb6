using ChatAgent.KnowledgeBase;

namespace Airlock.ChatAgent.Tests.KnowledgeBase;

public class MarkdownPassageSplitterTests
{
    [Fact]
    public void Split_HeadingsAndParagraphs_GivesOnePassagePerParagraphUnderItsHeading()
    {
        var passages = MarkdownPassageSplitter.Split(
            "guide.md",
            "# The guide\n\nIntro text.\n\n## Install\n\nRun **the** [installer](https://example.test).\nThen restart.\n\n- first item\n- second item\n").ToList();

        Assert.Equal(3, passages.Count);
        Assert.All(passages, p => Assert.Equal("The guide", p.Title));
        Assert.Equal(("The guide", "Intro text."), (passages[0].Section, passages[0].Text));
        Assert.Equal(("Install", "Run the installer. Then restart."), (passages[1].Section, passages[1].Text));
        Assert.Equal("first item second item", passages[2].Text);
    }

    [Fact]
    public void Split_FencedCode_IsNotTreatedAsHeadings()
    {
        var passages = MarkdownPassageSplitter.Split("a.md", "## Shell\n\n```\n# not a heading\n```\n\nAfter.\n").ToList();

        Assert.All(passages, p => Assert.Equal("Shell", p.Section));
    }
}
