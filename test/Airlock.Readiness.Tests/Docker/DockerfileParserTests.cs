using Airlock.Readiness.Docker;

namespace Airlock.Readiness.Tests.Docker;

public sealed class DockerfileParserTests
{
    [Fact]
    public void Parse_LineContinuations_JoinsIntoOneInstructionAtFirstLine()
    {
        var file = DockerfileParser.Parse("FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl\nUSER app\n");

        var run = file.Instructions[1];
        Assert.Equal("RUN", run.Keyword);
        Assert.Equal(2, run.Line);
        Assert.Equal("apt-get update     && apt-get install -y curl", run.Arguments);
        Assert.Equal(4, file.Instructions[2].Line);
    }

    [Fact]
    public void Parse_CommentAndBlankLinesInsideContinuation_AreDropped()
    {
        var file = DockerfileParser.Parse("FROM debian:12\nRUN echo a \\\n# a comment\n\n    && echo b\nUSER app\n");

        Assert.Equal(3, file.Instructions.Count);
        Assert.Contains("echo b", file.Instructions[1].Arguments, StringComparison.Ordinal);
        Assert.Equal("USER", file.Instructions[2].Keyword);
    }

    [Fact]
    public void Parse_EscapeDirectiveBacktick_ContinuesWithBacktickAndKeepsBackslashes()
    {
        var file = DockerfileParser.Parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:\\app\\\nRUN dir `\n    C:\\app\n");

        Assert.Equal(3, file.Instructions.Count);
        Assert.Equal("app C:\\app\\", file.Instructions[1].Arguments);
        Assert.Equal("dir     C:\\app", file.Instructions[2].Arguments);
    }

    [Fact]
    public void Parse_EscapeDirectiveAfterComment_IsAnOrdinaryComment()
    {
        var file = DockerfileParser.Parse("# a comment\n# escape=`\nFROM debian:12\nRUN echo a `\nUSER app\n");

        // With the default escape the backtick does not continue, so USER stays a separate instruction.
        Assert.Equal(["FROM", "RUN", "USER"], file.Instructions.Select(i => i.Keyword));
    }

    [Fact]
    public void Parse_Heredoc_KeepsBodyAndSkipsItsLines()
    {
        var file = DockerfileParser.Parse("FROM python:3.12\nRUN <<EOF\npip install -r requirements.txt\nUSER root\nEOF\nUSER app\n");

        Assert.Equal(["FROM", "RUN", "USER"], file.Instructions.Select(i => i.Keyword));
        Assert.Equal("pip install -r requirements.txt\nUSER root\n", Assert.Single(file.Instructions[1].Heredocs));
        Assert.Contains("pip install", file.Instructions[1].Script, StringComparison.Ordinal);
        Assert.Equal("app", file.Instructions[2].Arguments);
        Assert.Equal(6, file.Instructions[2].Line);
    }

    [Fact]
    public void Parse_TwoHeredocsWithDashAndQuotes_ReadsBothInOrder()
    {
        var file = DockerfileParser.Parse("FROM alpine:3.20\nCOPY <<-\"A\" <<B /dst/\n\tone\n\tA\ntwo\nB\nCMD [\"x\"]\n");

        Assert.Equal(["one\n", "two\n"], file.Instructions[1].Heredocs);
        Assert.Equal("CMD", file.Instructions[2].Keyword);
    }

    [Fact]
    public void Parse_HereStringInRun_IsNotAHeredoc()
    {
        var file = DockerfileParser.Parse("FROM alpine:3.20\nRUN cat <<<EOF\nUSER app\n");

        Assert.Empty(file.Instructions[1].Heredocs);
        Assert.Equal("USER", file.Instructions[2].Keyword);
    }

    [Fact]
    public void Parse_MultiStageWithPlatformFlagAndLowercaseAs_NamesStagesAndParents()
    {
        var file = DockerfileParser.Parse(
            "FROM --platform=$BUILDPLATFORM golang:1.22 as Build\nRUN go build\nFROM build AS test\nFROM gcr.io/distroless/static:nonroot\nCOPY --from=build /app /app\n");

        Assert.Equal(3, file.Stages.Count);
        Assert.Equal("Build", file.Stages[0].Name);
        Assert.Equal("golang", file.Stages[0].BaseImage.Name);
        Assert.Equal("1.22", file.Stages[0].BaseImage.Tag);
        Assert.Equal("$BUILDPLATFORM", file.Stages[0].From.Flags["platform"]);
        Assert.Same(file.Stages[0], file.ParentOf(file.Stages[1]));
        Assert.Null(file.ParentOf(file.Stages[2]));
        Assert.Equal("build", file.FinalStage!.Instructions[0].Flags["from"]);
    }

    [Fact]
    public void Parse_CrlfAndByteOrderMark_ParsesLikeLf()
    {
        var file = DockerfileParser.Parse("\uFEFFFROM debian:12\r\nUSER app\r\n");

        Assert.Equal(["FROM", "USER"], file.Instructions.Select(i => i.Keyword));
        Assert.Equal("app", file.Instructions[1].Arguments);
    }

    [Fact]
    public void Parse_Garbage_DoesNotThrow()
    {
        var file = DockerfileParser.Parse("\\\n<<EOF\nFROM\nRUN <<\nENV =\nARG \"unterminated\n${\n\\");

        Assert.NotEmpty(file.Instructions);
        Assert.Equal(string.Empty, file.Stages[0].BaseImage.Name);
    }

    [Fact]
    public void ImageReference_RegistryWithPortAndDigest_SplitsNameTagDigest()
    {
        var image = ImageReference.Parse("localhost:5000/team/api:1.4@sha256:abc");

        Assert.Equal("localhost:5000/team/api", image.Name);
        Assert.Equal("1.4", image.Tag);
        Assert.Equal("sha256:abc", image.Digest);
    }

    [Theory]
    [InlineData("ENV A=1 B=\"two words\"", new[] { "A", "B" }, new[] { "1", "two words" })]
    [InlineData("ENV LEGACY a value with spaces", new[] { "LEGACY" }, new[] { "a value with spaces" })]
    [InlineData("ARG X Y=2", new[] { "X", "Y" }, new[] { null, "2" })]
    [InlineData("ENV Q='single $NOT' R=a\\ b", new[] { "Q", "R" }, new[] { "single $NOT", "a b" })]
    public void DockerAssignment_Parse_ReadsNamesAndUnquotedValues(string line, string[] names, string?[] values)
    {
        var instruction = DockerfileParser.Parse(line).Instructions[0];

        var assignments = DockerAssignment.Parse(instruction);

        Assert.Equal(names, assignments.Select(a => a.Name));
        Assert.Equal(values, assignments.Select(a => a.Value));
    }

    [Theory]
    [InlineData("$BASE:${TAG}", "debian:12")]
    [InlineData("${MISSING:-alpine}:3", "alpine:3")]
    [InlineData("${TAG:+x}", "x")]
    [InlineData("\\$BASE", "$BASE")]
    [InlineData("${NODEFAULT}", null)]
    [InlineData("${MISSING}", null)]
    [InlineData("${TAG#1}", null)]
    public void DockerVariables_Expand_UsesKnownValuesOnly(string text, string? expected)
    {
        var values = new Dictionary<string, string?> { ["BASE"] = "debian", ["TAG"] = "12", ["NODEFAULT"] = null };

        Assert.Equal(expected, DockerVariables.Expand(text, values));
    }
}
