using Airlock.Readiness.EnvironmentVariables;

namespace Airlock.Readiness.Tests.EnvironmentVariables;

public sealed class ReadScannerTests
{
    [Theory]
    [InlineData("var key = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");\nvar client = new Client(key);", "OPENAI_API_KEY", "Required")]
    [InlineData("var key = Environment.GetEnvironmentVariable(\"MODEL\") ?? \"gpt-4o-mini\";", "MODEL", "Defaulted")]
    [InlineData("var key = Environment.GetEnvironmentVariable(\"API_KEY\") ?? throw new InvalidOperationException(\"API_KEY\");", "API_KEY", "Required")]
    [InlineData("var hook = Environment.GetEnvironmentVariable(\"SLACK_HOOK\");\nif (string.IsNullOrEmpty(hook))\n{\n    return;\n}", "SLACK_HOOK", "Optional")]
    [InlineData("var key = Environment.GetEnvironmentVariable(\"DB\");\nif (key is null)\n    throw new InvalidOperationException(\"DB is not set\");", "DB", "Required")]
    [InlineData("if (Environment.GetEnvironmentVariable(\"VERBOSE\") == \"1\") { Log(); }", "VERBOSE", "Optional")]
    [InlineData("var url = \"http://localhost\"; var k = Environment.GetEnvironmentVariable(\"AFTER_URL\");", "AFTER_URL", "Required")]
    [InlineData("var name = builder.Configuration[\"Model:Name\"]!;", "Model__Name", "Required")]
    [InlineData("var key = config.GetSection(\"Ai\")[\"Key\"];", "Ai__Key", "Required")]
    [InlineData("var max = configuration.GetValue<int>(\"Limits:Max\");", "Limits__Max", "Optional")]
    [InlineData("var max = configuration.GetValue<int>(\"Limits:Max\", 10);", "Limits__Max", "Defaulted")]
    [InlineData("var max = configuration.GetSection(\"Limits\").GetValue<int>(\"Max\", 10);", "Limits__Max", "Defaulted")]
    [InlineData("services.AddDbContext<Db>(o => o.UseNpgsql(builder.Configuration.GetConnectionString(\"Main\")));", "ConnectionStrings__Main", "Required")]
    public void Scan_CSharp_ClassifiesRead(string code, string name, string need)
    {
        var read = Assert.Single(Scan("Program.cs", code), r => r.Name is not null);

        Assert.Equal(name, read.Name);
        Assert.Equal(Enum.Parse<VariableNeed>(need), read.Need);
    }

    [Theory]
    [InlineData("// var k = Environment.GetEnvironmentVariable(\"COMMENTED\");")]
    [InlineData("/* Environment.GetEnvironmentVariable(\"BLOCK\") */")]
    [InlineData("configuration[\"Written:Key\"] = \"value\";")]
    [InlineData("var text = \"Environment.GetEnvironmentVariable is how we read\";")]
    public void Scan_CSharpNotARead_FindsNothing(string code)
    {
        Assert.DoesNotContain(Scan("Program.cs", code), r => r.Name is not null);
    }

    [Fact]
    public void Scan_CSharpComputedName_ReportsDynamicRead()
    {
        var read = Assert.Single(Scan("Program.cs", "var v = Environment.GetEnvironmentVariable(name);"));

        Assert.Null(read.Name);
    }

    [Fact]
    public void Scan_CSharpLineNumbers_PointAtTheRead()
    {
        var read = Assert.Single(Scan("src/Program.cs", "using System;\n\n// comment\nvar k = Environment.GetEnvironmentVariable(\"K\");\n"));

        Assert.Equal(4, read.Line);
        Assert.Equal("src/Program.cs:4", read.Location);
    }

    [Theory]
    [InlineData("url = os.environ[\"DATABASE_URL\"]", "DATABASE_URL", "Required")]
    [InlineData("url = os.environ['DATABASE_URL']", "DATABASE_URL", "Required")]
    [InlineData("hook = os.environ.get(\"SENTRY_DSN\")", "SENTRY_DSN", "Optional")]
    [InlineData("level = os.environ.get(\"LOG_LEVEL\", \"info\")", "LOG_LEVEL", "Defaulted")]
    [InlineData("hook = os.getenv(\"SENTRY_DSN\")", "SENTRY_DSN", "Optional")]
    [InlineData("level = os.getenv(\"LOG_LEVEL\") or \"info\"", "LOG_LEVEL", "Defaulted")]
    [InlineData("if \"REDIS_URL\" in os.environ:\n    cache = connect(os.environ[\"REDIS_URL\"])", "REDIS_URL", "Optional")]
    [InlineData("key = os.getenv(\"OPENAI_API_KEY\")\nif not key:\n    raise RuntimeError(\"OPENAI_API_KEY is not set\")", "OPENAI_API_KEY", "Required")]
    [InlineData("from os import environ\ntoken = environ[\"TOKEN\"]", "TOKEN", "Required")]
    public void Scan_Python_ClassifiesRead(string code, string name, string need)
    {
        var read = Assert.Single(Scan("app/main.py", code));

        Assert.Equal(name, read.Name);
        Assert.Equal(Enum.Parse<VariableNeed>(need), read.Need);
    }

    [Theory]
    [InlineData("os.environ[\"SET_HERE\"] = \"1\"")]
    [InlineData("del os.environ[\"REMOVED\"]")]
    [InlineData("# token = os.environ[\"COMMENTED\"]")]
    [InlineData("def f():\n    \"\"\"Reads os.environ[\"IN_DOCSTRING\"].\"\"\"\n    return 1")]
    public void Scan_PythonNotARead_FindsNothing(string code)
    {
        Assert.Empty(Scan("app/main.py", code));
    }

    [Theory]
    [InlineData("const key = process.env.OPENAI_API_KEY;\nconst client = new OpenAI({ apiKey: key });", "OPENAI_API_KEY", "Required")]
    [InlineData("const port = process.env.APP_PORT || 3000;", "APP_PORT", "Defaulted")]
    [InlineData("const level = process.env[\"LOG_LEVEL\"] ?? \"info\";", "LOG_LEVEL", "Defaulted")]
    [InlineData("if (process.env.DEBUG) { enableDebug(); }", "DEBUG", "Optional")]
    [InlineData("if (!process.env.SESSION_SECRET) throw new Error(\"SESSION_SECRET is required\");", "SESSION_SECRET", "Required")]
    [InlineData("const on = process.env.FEATURE_X === \"on\";", "FEATURE_X", "Optional")]
    [InlineData("const url: string | undefined = process.env.WEBHOOK_URL;\nif (url === undefined) { return; }", "WEBHOOK_URL", "Optional")]
    public void Scan_Node_ClassifiesRead(string code, string name, string need)
    {
        var read = Assert.Single(Scan("src/server.ts", code));

        Assert.Equal(name, read.Name);
        Assert.Equal(Enum.Parse<VariableNeed>(need), read.Need);
    }

    [Fact]
    public void Scan_NodeDestructuring_ReadsEachNameWithItsDefault()
    {
        var reads = Scan("src/config.js", "const {\n  DATABASE_URL,\n  POOL_SIZE = \"5\",\n} = process.env;");

        Assert.Equal(
            [("DATABASE_URL", VariableNeed.Required, 2), ("POOL_SIZE", VariableNeed.Defaulted, 3)],
            reads.Select(r => (r.Name!, r.Need, r.Line)));
    }

    [Theory]
    [InlineData("process.env.NODE_OPTIONS = \"--max-old-space-size=512\";")]
    [InlineData("delete process.env.TEMP_TOKEN;")]
    [InlineData("// const k = process.env.COMMENTED;")]
    [InlineData("const s = \"process.env.X in a string is text\"; const t = 'http://x';")]
    public void Scan_NodeNotARead_FindsNothing(string code)
    {
        Assert.DoesNotContain(Scan("src/server.js", code), r => r.Name is "NODE_OPTIONS" or "COMMENTED" or "X");
    }

    [Fact]
    public void Scan_NodeTemplateInterpolation_IsARead()
    {
        var read = Assert.Single(Scan("src/db.js", "const url = `postgres://${process.env.DB_HOST}/app`;"));

        Assert.Equal("DB_HOST", read.Name);
    }

    private static List<EnvironmentRead> Scan(string path, string code)
    {
        var language = SourceFilter.LanguageOf(path)!.Value;
        var source = new SourceText(path, code, language);
        return language switch
        {
            SourceLanguage.CSharp => [.. CSharpReadScanner.Scan(source)],
            SourceLanguage.Python => [.. PythonReadScanner.Scan(source)],
            SourceLanguage.JavaScript => [.. NodeReadScanner.Scan(source)],
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };
    }
}
