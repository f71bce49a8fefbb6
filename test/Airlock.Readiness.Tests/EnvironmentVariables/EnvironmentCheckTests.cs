using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.EnvironmentVariables;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.EnvironmentVariables;

public sealed class EnvironmentCheckTests
{
    private const string ProgramReadingKey = "using System;\n\nvar key = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");\nConsole.WriteLine(key.Length);\n";

    [Fact]
    public async Task Run_RequiredVariableDeclaredNowhere_BlocksLaunchWithFileAndLine()
    {
        using var repo = new TestRepository();
        repo.Write("src/Agent/Program.cs", ProgramReadingKey).Commit();

        var row = Row(await RunAsync(repo), "required");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(Severity.BlocksLaunch, row.Severity);
        Assert.Equal("1 variable read without a default is declared nowhere: OPENAI_API_KEY", row.Summary);
        var evidence = Assert.Single(row.Evidence);
        Assert.Equal("src/Agent/Program.cs", evidence.File);
        Assert.Equal(3, evidence.Line);
    }

    [Theory]
    [InlineData(".env.example", "# copy to .env\nOPENAI_API_KEY=\nexport MODEL=gpt\n")]
    [InlineData("deploy/.env.sample", "OPENAI_API_KEY=sk-...\n")]
    [InlineData("Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nENV OPENAI_API_KEY=\"\" OTHER=1\n")]
    [InlineData("Dockerfile.prod", "FROM alpine\nENV OPENAI_API_KEY placeholder\n")]
    public async Task Run_RequiredVariableDeclaredInRepository_Passes(string file, string content)
    {
        using var repo = new TestRepository();
        repo.Write("Program.cs", ProgramReadingKey).Write(file, content).Commit();

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Pass, Row(rows, "required").Result);
        Assert.Contains(Row(rows, "declarations").Evidence, e => e.File == file);
    }

    [Fact]
    public async Task Run_RequiredVariableDeclaredInAirlockYaml_Passes()
    {
        using var repo = new TestRepository();
        repo.Write("Program.cs", ProgramReadingKey).Commit();
        var config = AirlockConfig.Default with { Environment = new EnvironmentConfig { Declared = ["OPENAI_API_KEY"] } };

        var row = Row(await RunAsync(repo, config), "required");

        Assert.Equal(CheckResult.Pass, row.Result);
        Assert.Equal("all 1 variables read without a default are declared", row.Summary);
    }

    [Fact]
    public async Task Run_EnvOnlyInBuildStage_IsNotDeclared()
    {
        using var repo = new TestRepository();
        repo.Write("Program.cs", ProgramReadingKey)
            .Write("Dockerfile", "FROM sdk AS build\nENV OPENAI_API_KEY=x\nRUN dotnet publish\n\nFROM runtime AS base\nENV OTHER=1\n\nFROM base\nCOPY --from=build /out /app\n")
            .Commit();

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Fail, Row(rows, "required").Result);
        Assert.Contains(Row(rows, "declarations").Evidence, e => e.Message == "1 names set by ENV in the final stage");
    }

    [Fact]
    public async Task Run_ConfigurationKeyInAppSettings_IsDeclaredButNotFromDevelopmentFile()
    {
        using var repo = new TestRepository();
        repo.Write("Program.cs", "var model = builder.Configuration[\"Ai:Model\"];\nvar db = builder.Configuration.GetConnectionString(\"Main\");\nUse(model, db);\n")
            .Write("appsettings.json", "{\n  // the model\n  \"Ai\": { \"Model\": \"gpt-4o-mini\", },\n}\n")
            .Write("appsettings.Development.json", "{ \"ConnectionStrings\": { \"Main\": \"Host=localhost\" } }")
            .Commit();

        var row = Row(await RunAsync(repo), "required");

        Assert.Equal(CheckResult.Fail, row.Result);
        var evidence = Assert.Single(row.Evidence);
        Assert.StartsWith("ConnectionStrings__Main read by", evidence.Message, StringComparison.Ordinal);
        Assert.Equal(2, evidence.Line);
    }

    [Fact]
    public async Task Run_ConfigurationKeyAsDoubleUnderscoreVariable_MatchesIgnoringCase()
    {
        using var repo = new TestRepository();
        repo.Write("Program.cs", "var key = builder.Configuration[\"Ai:ApiKey\"];\nvar other = builder.Configuration[\"Ai:Endpoint\"];\n")
            .Write(".env.example", "AI__APIKEY=\nMYAPP_Ai__Endpoint=\n")
            .Write("Startup.cs", "builder.Configuration.AddEnvironmentVariables(prefix: \"MYAPP_\");\n")
            .Commit();

        var row = Row(await RunAsync(repo), "required");

        Assert.Equal(CheckResult.Pass, row.Result);
    }

    [Fact]
    public async Task Run_InvalidAppSettings_FailsDeclarationsRowWithLine()
    {
        using var repo = new TestRepository();
        repo.Write("Program.cs", "var x = 1;\n").Write("appsettings.json", "{\n  \"Ai\": {\n    \"Model\": \"x\"\n  \n").Commit();

        var rows = await RunAsync(repo);

        var row = Row(rows, "declarations");
        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(Severity.BlocksLaunch, row.Severity);
        Assert.Equal("appsettings.json", row.Evidence[0].File);
        Assert.NotNull(row.Evidence[0].Line);
    }

    [Fact]
    public async Task Run_OptionalVariableUndeclared_WarnsAndDoesNotBlock()
    {
        using var repo = new TestRepository();
        repo.Write("app/main.py", "import os\n\ndsn = os.getenv(\"SENTRY_DSN\")\nlevel = os.getenv(\"LOG_LEVEL\", \"info\")\n").Commit();

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Pass, Row(rows, "required").Result);
        var optional = Row(rows, "optional");
        Assert.Equal(CheckResult.Warn, optional.Result);
        Assert.Equal(Severity.DegradesIt, optional.Severity);
        Assert.Equal("app/main.py", Assert.Single(optional.Evidence).File);
        Assert.Contains("SENTRY_DSN", optional.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ReadsInTestsAndDependencies_AreIgnored()
    {
        using var repo = new TestRepository();
        repo.Write(".gitignore", "# nothing ignored, so node_modules is listed\n")
            .Write("tests/test_app.py", "import os\nos.environ[\"TEST_ONLY\"]\n")
            .Write("src/app.test.js", "process.env.JEST_ONLY.trim();\n")
            .Write("node_modules/lib/index.js", "process.env.LIB_ONLY.trim();\n")
            .Write("test/Api.Tests/ApiTests.cs", "Environment.GetEnvironmentVariable(\"XUNIT_ONLY\");\n")
            .Write("src/server.js", "const port = process.env.PORT;\n")
            .Commit();

        var row = Row(await RunAsync(repo), "required");

        Assert.Equal(CheckResult.Pass, row.Result);
        Assert.Equal("all 1 variables read without a default are declared", row.Summary);
    }

    [Fact]
    public async Task Run_NoSourceFiles_SkipsWithReason()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "docs only").Commit();

        var row = Row(await RunAsync(repo), "required");

        Assert.Equal(CheckResult.Skipped, row.Result);
        Assert.StartsWith("no C#, Python or JavaScript/TypeScript source files", row.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ManyReadsOfOneVariable_ListsThreeSitesAndCount()
    {
        using var repo = new TestRepository();
        repo.Write("src/a.js", string.Concat(Enumerable.Repeat("use(process.env.TOKEN);\n", 5))).Commit();

        var row = Row(await RunAsync(repo), "required");

        Assert.Equal([1, 2, 3], row.Evidence.Select(e => e.Line ?? 0));
        Assert.EndsWith("; 2 more reads", row.Evidence[2].Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<RubricRow>> RunAsync(TestRepository repo, AirlockConfig? config = null) =>
        await new EnvironmentCheck().RunAsync(repo.Context(config), CancellationToken.None);

    private static RubricRow Row(IReadOnlyList<RubricRow> rows, string id) => rows.Single(r => r.Id == "environment." + id);
}
