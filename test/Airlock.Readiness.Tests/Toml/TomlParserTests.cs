using Airlock.Readiness.Toml;

namespace Airlock.Readiness.Tests.Toml;

public class TomlParserTests
{
    [Fact]
    public void Parse_AllStringForms_KeepsLiteralsRawAndUnescapesBasic()
    {
        var table = TomlParser.Parse(""""
            a = 'C:\path\d+'
            b = "tab\tquote\" \u00e9"
            c = '''
            multi \d
            line'''
            d = """x"""
            e = '''it's'''''
            """");

        Assert.Equal(@"C:\path\d+", Value(table, "a"));
        Assert.Equal("tab\tquote\" é", Value(table, "b"));
        Assert.Equal("multi \\d\nline", Value(table, "c"));
        Assert.Equal("x", Value(table, "d"));
        Assert.Equal("it's''", Value(table, "e"));
    }

    [Fact]
    public void Parse_ArraysOfTablesAndNestedArrays_BuildsTheGitleaksShape()
    {
        var table = TomlParser.Parse("""
            title = "t" # comment
            [[rules]]
            id = "one"
            keywords = [
                "a", # trailing comment
                "b",
            ]
            [[rules.allowlists]]
            regexes = ['''x''']
            [[rules.allowlists]]
            paths = ['''y''']
            [[rules]]
            id = "two"
            entropy = 3
            [rules.allowlist]
            stopwords = ["s"]
            [extend]
            useDefault = true
            """);

        Assert.True(table.TryGetValue("rules", out var rules));
        var list = Assert.IsType<List<TomlValue>>(rules.Value);
        Assert.Equal(2, list.Count);
        var first = Assert.IsType<TomlTable>(list[0].Value);
        Assert.True(first.TryGetValue("allowlists", out var allowlists));
        Assert.Equal(2, Assert.IsType<List<TomlValue>>(allowlists.Value).Count);
        Assert.True(first.TryGetValue("keywords", out var keywords));
        Assert.Equal(["a", "b"], Assert.IsType<List<TomlValue>>(keywords.Value).Select(v => (string)v.Value));
        var second = Assert.IsType<TomlTable>(list[1].Value);
        Assert.True(second.TryGetValue("entropy", out var entropy));
        Assert.Equal(3L, entropy.Value);
        Assert.True(second.TryGetValue("allowlist", out _));
        Assert.Equal(12, list[1].Line);
    }

    [Fact]
    public void Parse_NumbersBooleansInlineTablesAndDottedKeys_AreTyped()
    {
        var table = TomlParser.Parse("a = 1_000\nb = -2.5e1\nc = false\nd = { x = 1, y = 'z' }\ne.f = 0x1F\n");

        Assert.Equal(1000L, table.TryGetValue("a", out var a) ? a.Value : null);
        Assert.Equal(-25.0, table.TryGetValue("b", out var b) ? b.Value : null);
        Assert.Equal(false, table.TryGetValue("c", out var c) ? c.Value : null);
        Assert.IsType<TomlTable>(table.TryGetValue("d", out var d) ? d.Value : null);
        var e = Assert.IsType<TomlTable>(table.TryGetValue("e", out var ev) ? ev.Value : null);
        Assert.Equal(31L, e.TryGetValue("f", out var f) ? f.Value : null);
    }

    [Theory]
    [InlineData("a = 1\na = 2\n", 2, "duplicate key 'a'")]
    [InlineData("a = \"open\n", 1, "unterminated string")]
    [InlineData("\n\nregex = \"\\d+\"\n", 3, "invalid escape")]
    [InlineData("a = [1, 2\n", 2, "in array")]
    [InlineData("a = bare\n", 1, "strings must be quoted")]
    [InlineData("[t]\n[t]\n", 2, "already defined")]
    [InlineData("a = 1 b = 2\n", 1, "expected the end of the line")]
    [InlineData("d = 2024-01-01\n", 1, "dates are not supported")]
    public void Parse_Malformed_ThrowsWithLine(string text, int line, string message)
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse(text));

        Assert.Equal(line, error.Line);
        Assert.True(error.Column > 0);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("d = 2024-01-01\n", "2024-01-01")]
    [InlineData("d = 1979-05-27T07:32:00Z # comment\n", "1979-05-27T07:32:00Z")]
    [InlineData("d = 1979-05-27 07:32:00.999-07:00\n", "1979-05-27 07:32:00.999-07:00")]
    [InlineData("d = 07:32:00\n", "07:32:00")]
    public void Parse_DatesWhenAccepted_KeptAsWritten(string text, string expected)
    {
        var table = TomlParser.Parse(text, acceptDates: true);

        Assert.Equal(new TomlDateTime(expected), Value(table, "d"));
    }

    [Theory]
    [InlineData("d = 2024-13\n")]
    [InlineData("d = 2024-01-01T7:00\n")]
    public void Parse_MalformedDateWhenAccepted_Throws(string text)
    {
        var error = Assert.Throws<TomlException>(() => TomlParser.Parse(text, acceptDates: true));

        Assert.Contains("invalid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_DottedPath_WalksHeadersAndDottedKeys()
    {
        var table = TomlParser.Parse("""
            [tool.poetry.dependencies]
            python = "^3.12"
            [project]
            urls.home = "https://example.com"
            dependencies = ["a", 1, "b"]
            """);

        Assert.Equal("^3.12", table.Table("tool.poetry.dependencies")?.String("python")?.Value);
        Assert.Equal(2, table.Table("tool.poetry.dependencies")?.String("python")?.Line);
        Assert.NotNull(table.Table("project.urls"));
        Assert.Null(table.Table("project.dependencies"));
        Assert.Null(table.Table("tool.missing"));
        Assert.Equal(["a", "b"], table.Table("project")!.Strings("dependencies"));
    }

    private static object? Value(TomlTable table, string key) => table.TryGetValue(key, out var value) ? value.Value : null;
}
