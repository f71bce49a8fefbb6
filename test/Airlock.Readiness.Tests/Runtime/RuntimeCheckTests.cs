using Airlock.Readiness.Rubric;
using Airlock.Readiness.Runtime;

namespace Airlock.Readiness.Tests.Runtime;

public sealed class RuntimeCheckTests
{
    private const string Project = """<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>""";

    [Fact]
    public async Task Run_NoEcosystems_SkipsEveryRow()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "hi").Commit();

        var rows = await RunAsync(repo);

        Assert.Equal(["runtime.dotnet", "runtime.python", "runtime.node", "runtime.docker"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal(CheckResult.Skipped, r.Result));
    }

    [Fact]
    public async Task Run_DotnetWithGlobalJsonAndTargetFramework_PassesNotingRollForward()
    {
        using var repo = new TestRepository();
        repo.Write("global.json", """{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }""")
            .Write("src/App/App.csproj", Project).Commit();

        var row = await RowAsync(repo, "runtime.dotnet");

        Assert.Equal(CheckResult.Pass, row.Result);
        Assert.Contains(row.Evidence, e => e.Message.Contains("latestFeature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_DotnetWithoutGlobalJson_Warns()
    {
        using var repo = new TestRepository();
        repo.Write("App.csproj", Project).Commit();

        Assert.Equal(CheckResult.Warn, (await RowAsync(repo, "runtime.dotnet")).Result);
    }

    [Fact]
    public async Task Run_DotnetRollForwardLatestMajor_Warns()
    {
        using var repo = new TestRepository();
        repo.Write("global.json", "{\n  \"sdk\": {\n    \"version\": \"8.0.100\",\n    \"rollForward\": \"latestMajor\"\n  }\n}")
            .Write("App.csproj", Project).Commit();

        var row = await RowAsync(repo, "runtime.dotnet");

        Assert.Equal(CheckResult.Warn, row.Result);
        Assert.Equal(("global.json", 4), (row.Evidence[0].File, row.Evidence[0].Line));
    }

    [Fact]
    public async Task Run_DotnetProjectWithoutTargetFramework_FailsUnlessDirectoryBuildPropsSetsIt()
    {
        using var repo = new TestRepository();
        repo.Write("global.json", """{ "sdk": { "version": "10.0.100" } }""")
            .Write("src/App/App.csproj", """<Project Sdk="Microsoft.NET.Sdk" />""").Commit();

        var row = await RowAsync(repo, "runtime.dotnet");
        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal("src/App/App.csproj", row.Evidence[0].File);

        repo.Write("src/Directory.Build.props", "<Project><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>").Commit();
        Assert.Equal(CheckResult.Pass, (await RowAsync(repo, "runtime.dotnet")).Result);
    }

    [Fact]
    public async Task Run_MalformedGlobalJson_WarnsWithoutCrashing()
    {
        using var repo = new TestRepository();
        repo.Write("global.json", "{ sdk: ").Write("App.csproj", Project).Commit();

        Assert.Equal(CheckResult.Warn, (await RowAsync(repo, "runtime.dotnet")).Result);
    }

    [Theory]
    [InlineData(".python-version", "3.12.7\n", CheckResult.Pass)]
    [InlineData("runtime.txt", "python-3.12.7\n", CheckResult.Pass)]
    [InlineData("pyproject.toml", "[project]\nname = \"a\"\nrequires-python = \">=3.11,<3.13\"\n", CheckResult.Pass)]
    [InlineData("pyproject.toml", "[project]\nname = \"a\"\nrequires-python = \">=3.11\"\n", CheckResult.Warn)]
    [InlineData("Pipfile", "[requires]\npython_version = \"3.12\"\n", CheckResult.Pass)]
    [InlineData("notes.txt", "nothing", CheckResult.Fail)]
    [InlineData("pyproject.toml", "[project]\nrequires-python = \">=3.11,<3.13\"\nname = 'a\n", CheckResult.Warn)]
    public async Task Run_PythonProject_JudgedByVersionSource(string file, string content, CheckResult expected)
    {
        using var repo = new TestRepository();
        repo.Write("app/main.py", "print('hi')").Write(file, content).Commit();

        Assert.Equal(expected, (await RowAsync(repo, "runtime.python")).Result);
    }

    [Theory]
    [InlineData(".nvmrc", "20.11.1\n", CheckResult.Pass)]
    [InlineData(".node-version", "lts/iron\n", CheckResult.Pass)]
    [InlineData(".nvmrc", "lts/*\n", CheckResult.Warn)]
    [InlineData("other.txt", "", CheckResult.Fail)]
    public async Task Run_NodeVersionFile_JudgedByContent(string file, string content, CheckResult expected)
    {
        using var repo = new TestRepository();
        repo.Write("package.json", """{ "name": "web" }""").Write(file, content).Commit();

        Assert.Equal(expected, (await RowAsync(repo, "runtime.node")).Result);
    }

    [Theory]
    [InlineData("^20.11.0", CheckResult.Pass)]
    [InlineData(">=18", CheckResult.Warn)]
    public async Task Run_NodeEngines_BoundedPassesOpenWarns(string engines, CheckResult expected)
    {
        using var repo = new TestRepository();
        repo.Write("package.json", $$"""{ "name": "web", "engines": { "node": "{{engines}}" } }""").Commit();

        var row = await RowAsync(repo, "runtime.node");

        Assert.Equal(expected, row.Result);
        Assert.Equal(("package.json", 1), (row.Evidence[0].File, row.Evidence[0].Line));
    }

    [Theory]
    [InlineData("FROM mcr.microsoft.com/dotnet/sdk AS build\nRUN make\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n", CheckResult.Pass)]
    [InlineData("FROM node:20 AS build\nFROM node AS final\n", CheckResult.Fail)]
    [InlineData("FROM python:latest AS base\nFROM base AS final\nCMD [\"python\"]\n", CheckResult.Fail)]
    public async Task Run_DockerRuntimeImage_JudgesTheImageUnderTheFinalStage(string dockerfile, CheckResult expected)
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", dockerfile).Commit();

        Assert.Equal(expected, (await RowAsync(repo, "runtime.docker")).Result);
    }

    private static async Task<IReadOnlyList<RubricRow>> RunAsync(TestRepository repo) =>
        await new RuntimeCheck().RunAsync(repo.Context(), CancellationToken.None);

    private static async Task<RubricRow> RowAsync(TestRepository repo, string id) =>
        (await RunAsync(repo)).Single(r => r.Id == id);
}
