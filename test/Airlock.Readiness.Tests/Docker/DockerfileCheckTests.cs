using Airlock.Core.Config;
using Airlock.Core.Readiness;
using Airlock.Readiness.Docker;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Docker;

public sealed class DockerfileCheckTests
{
    private const string GoodDockerfile = """
        # syntax=docker/dockerfile:1
        FROM mcr.microsoft.com/dotnet/sdk:9.0@sha256:1111 AS build
        WORKDIR /src
        COPY Api.csproj ./
        RUN dotnet restore
        COPY . .
        RUN dotnet publish -c Release -o /app --no-restore

        FROM mcr.microsoft.com/dotnet/aspnet:9.0@sha256:2222
        WORKDIR /app
        COPY --from=build /app .
        HEALTHCHECK CMD ["curl", "-fsS", "http://localhost:8080/health"]
        USER $APP_UID
        ENTRYPOINT ["dotnet", "Api.dll"]
        """;

    private const string GoodIgnore = ".git\n**/.env\n**/bin\n**/obj\n";

    [Fact]
    public async Task RunAsync_NoDockerfile_SkipsEveryRowWithReason()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "hello").Commit();

        var rows = await RunAsync(repo);

        Assert.Equal(8, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.Equal(CheckResult.Skipped, row.Result);
            Assert.Contains("no Dockerfile", row.Summary, StringComparison.Ordinal);
            Assert.Equal("dockerfile", row.CheckId);
            Assert.StartsWith("dockerfile.", row.Id, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task RunAsync_WellWrittenDockerfile_PassesEveryRow()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", GoodDockerfile).Write(".dockerignore", GoodIgnore).Commit();

        var rows = await RunAsync(repo);

        Assert.All(rows, row => Assert.True(row.Result == CheckResult.Pass, $"{row.Id}: {row.Result} {row.Summary}"));
        Assert.All(rows, row => Assert.Null(row.Owner));
    }

    [Fact]
    public async Task RunAsync_NaiveSingleStageDockerfile_FailsEachRowWithLineEvidence()
    {
        using var repo = new TestRepository();
        repo.Write("src/Api/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/sdk
            WORKDIR /src
            COPY . .
            RUN dotnet publish -c Release -o /app
            ENV OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz0123
            ENTRYPOINT ["dotnet", "/app/Api.dll"]
            """).Commit();

        var rows = await RunAsync(repo);

        AssertFails(rows, "dockerfile.non-root", "implicit-root", 1);
        AssertFails(rows, "dockerfile.multi-stage", "sdk-final-stage", 1);
        AssertFails(rows, "dockerfile.multi-stage", "build-in-final-stage", 4);
        AssertFails(rows, "dockerfile.layer-cache", "source-before-restore", 4);
        AssertFails(rows, "dockerfile.healthcheck", "no-healthcheck", 1);
        AssertFails(rows, "dockerfile.base-pinned", "untagged", 1);
        AssertFails(rows, "dockerfile.secrets-in-env", "secret-literal", 5);
        Assert.Equal(CheckResult.Fail, Row(rows, "dockerfile.dockerignore").Result);
        Assert.All(rows.SelectMany(r => r.Evidence).Where(e => e.RuleId != "no-dockerignore"), e => Assert.Equal("src/Api/Dockerfile", e.File));
    }

    [Fact]
    public async Task RunAsync_VisualStudioTemplateDockerfile_FailsOnlyHealthcheckAndWarnsOnTags()
    {
        using var repo = new TestRepository();
        repo.Write("Api/Dockerfile", """
            FROM mcr.microsoft.com/dotnet/aspnet:8.0 AS base
            USER $APP_UID
            WORKDIR /app
            EXPOSE 8080

            FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
            ARG BUILD_CONFIGURATION=Release
            WORKDIR /src
            COPY ["Api/Api.csproj", "Api/"]
            RUN dotnet restore "./Api/Api.csproj"
            COPY . .
            WORKDIR "/src/Api"
            RUN dotnet build "./Api.csproj" -c $BUILD_CONFIGURATION -o /app/build

            FROM build AS publish
            RUN dotnet publish "./Api.csproj" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false

            FROM base AS final
            WORKDIR /app
            COPY --from=publish /app/publish .
            ENTRYPOINT ["dotnet", "Api.dll"]
            """).Write(".dockerignore", GoodIgnore).Commit();

        var rows = await RunAsync(repo);

        var results = rows.ToDictionary(r => r.Id, r => r.Result);
        Assert.Equal(CheckResult.Pass, results["dockerfile.non-root"]);
        Assert.Equal(2, Row(rows, "dockerfile.non-root").Evidence[0].Line);
        Assert.Equal(CheckResult.Pass, results["dockerfile.multi-stage"]);
        Assert.Equal(CheckResult.Pass, results["dockerfile.layer-cache"]);
        Assert.Equal(CheckResult.Fail, results["dockerfile.healthcheck"]);
        Assert.Equal(CheckResult.Warn, results["dockerfile.base-pinned"]);
        Assert.Equal(CheckResult.Pass, results["dockerfile.secrets-in-env"]);
        Assert.Equal(CheckResult.Pass, results["dockerfile.dockerignore"]);
        Assert.Equal(CheckResult.Pass, results["dockerfile.signals"]);
    }

    [Fact]
    public async Task RunAsync_SecretLiteral_RedactsValueEverywhere()
    {
        const string secret = "sk-proj-abcdefghijklmnopqrstuvwxyz0123";
        using var repo = new TestRepository();
        repo.Write("Dockerfile", $"FROM node:20\nENV OPENAI_API_KEY={secret}\nARG GITHUB_TOKEN\nENV GPG_KEY=ABCDEF0123456789\n").Commit();

        var row = Row(await RunAsync(repo), "dockerfile.secrets-in-env");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(Severity.BlocksLaunch, row.Severity);
        var literal = Assert.Single(row.Evidence, e => e.RuleId == "secret-literal");
        Assert.Equal(2, literal.Line);
        Assert.StartsWith("sk-p…[sha256:", literal.RedactedValue, StringComparison.Ordinal);
        Assert.Single(row.Evidence, e => e.RuleId == "secret-build-arg" && e.Line == 3);
        Assert.DoesNotContain(row.Evidence, e => e.Line == 4);
        Assert.DoesNotContain(secret, row.Summary + string.Concat(row.Evidence.Select(e => e.Message + e.RedactedValue)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OnlySecretBuildArg_Warns()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", "ARG NPM_TOKEN\nFROM node:20\nENV API_KEY=${NPM_TOKEN}\n").Commit();

        var row = Row(await RunAsync(repo), "dockerfile.secrets-in-env");

        Assert.Equal(CheckResult.Warn, row.Result);
        Assert.Equal(["secret-build-arg", "secret-from-variable"], row.Evidence.Select(e => e.RuleId));
    }

    [Theory]
    [InlineData("FROM debian:12\nUSER root\n", "explicit-root")]
    [InlineData("FROM debian:12\nUSER 0:0\n", "explicit-root")]
    [InlineData("FROM debian:12 AS base\nUSER root\nFROM base\nRUN true\n", "explicit-root")]
    [InlineData("FROM debian:12 AS base\nUSER app\nFROM scratch\nCOPY --from=base /x /x\n", "implicit-root")]
    [InlineData("ARG U=root\nFROM debian:12\nARG U\nUSER $U\n", "explicit-root")]
    public async Task RunAsync_RootFinalStage_FailsNonRoot(string dockerfile, string ruleId)
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", dockerfile).Commit();

        var row = Row(await RunAsync(repo), "dockerfile.non-root");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(Severity.DegradesIt, row.Severity);
        Assert.Equal(ruleId, Assert.Single(row.Evidence).RuleId);
    }

    [Theory]
    [InlineData("FROM debian:12\nUSER root\nRUN apt-get update\nUSER 10001\n")]
    [InlineData("FROM debian:12 AS base\nUSER app\nFROM base\nRUN true\n")]
    [InlineData("FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n")]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled\nCOPY app /app\n")]
    public async Task RunAsync_NonRootFinalStage_PassesNonRoot(string dockerfile)
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", dockerfile).Commit();

        Assert.Equal(CheckResult.Pass, Row(await RunAsync(repo), "dockerfile.non-root").Result);
    }

    [Fact]
    public async Task RunAsync_HealthcheckNone_FailsUnlessHealthEndpointConfigured()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", "FROM nginx:1.27\nHEALTHCHECK NONE\n").Commit();

        var without = Row(await RunAsync(repo), "dockerfile.healthcheck");
        var config = new AirlockConfig { Target = new TargetConfig { HealthEndpoint = "/health" } };
        var with = Row(await RunAsync(repo, config), "dockerfile.healthcheck");

        Assert.Equal(CheckResult.Fail, without.Result);
        Assert.Equal("healthcheck-none", Assert.Single(without.Evidence).RuleId);
        Assert.Equal(2, without.Evidence[0].Line);
        Assert.Equal(CheckResult.Pass, with.Result);
        Assert.Contains("/health", with.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_HealthcheckInheritedFromEarlierStage_Passes()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", "FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base\nCOPY site /usr/share/nginx/html\n").Commit();

        Assert.Equal(CheckResult.Pass, Row(await RunAsync(repo), "dockerfile.healthcheck").Result);
    }

    [Fact]
    public async Task RunAsync_TagWithoutDigest_WarnsAndLatestFails()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", "FROM node:20 AS build\nFROM nginx:1.27\n")
            .Write("worker/Containerfile", "ARG BASE=python:latest\nFROM ${BASE}\n")
            .Commit();

        var rows = await RunAsync(repo);
        var row = Row(rows, "dockerfile.base-pinned");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(["tag-only", "tag-only", "latest"], row.Evidence.Select(e => e.RuleId));
        Assert.Equal("worker/Containerfile:2", row.Evidence[2].Location);
        Assert.Contains("python:latest", row.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ManifestsRestoredBeforeSource_PassesLayerCache()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", """
            FROM node:20 AS build
            WORKDIR /app
            COPY ["package.json", "package-lock.json", "./"]
            RUN npm ci
            COPY . .
            RUN npm run build
            FROM nginx:1.27
            COPY --from=build /app/dist /usr/share/nginx/html
            """).Commit();

        var rows = await RunAsync(repo);

        Assert.Equal(CheckResult.Pass, Row(rows, "dockerfile.layer-cache").Result);
        Assert.Equal(4, Assert.Single(Row(rows, "dockerfile.layer-cache").Evidence).Line);
        Assert.Equal(CheckResult.Pass, Row(rows, "dockerfile.multi-stage").Result);
    }

    [Fact]
    public async Task RunAsync_PipInstallInHeredocAfterCopyAll_FailsLayerCache()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", "FROM python:3.12-slim\nCOPY . /app\nRUN <<EOF\nset -e\npip install -r /app/requirements.txt\nEOF\nUSER 1000\n").Commit();

        var row = Row(await RunAsync(repo), "dockerfile.layer-cache");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(Severity.Cosmetic, row.Severity);
        Assert.Equal(3, row.Evidence[0].Line);
    }

    [Fact]
    public async Task RunAsync_NodeSingleStageWithBuild_FailsMultiStage()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", "FROM node:20\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nCMD [\"node\", \"dist/server.js\"]\n").Commit();

        var row = Row(await RunAsync(repo), "dockerfile.multi-stage");

        Assert.Equal(CheckResult.Fail, row.Result);
        var evidence = Assert.Single(row.Evidence);
        Assert.Equal(("build-in-final-stage", 5), (evidence.RuleId, evidence.Line));
    }

    [Fact]
    public async Task RunAsync_DockerignoreMissingEnvWithEnvFilePresent_FailsAsBlocksLaunch()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", GoodDockerfile).Write(".dockerignore", ".git\nbin/\n").Write(".gitignore", ".env\n").Commit();
        repo.Write(".env", "OPENAI_API_KEY=sk-live");

        var row = Row(await RunAsync(repo), "dockerfile.dockerignore");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(Severity.BlocksLaunch, row.Severity);
        var evidence = Assert.Single(row.Evidence);
        Assert.Equal(".dockerignore", evidence.File);
        Assert.Contains("does not exclude .env", evidence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DockerignoreWithoutGit_FailsNamingGit()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile", GoodDockerfile).Write(".dockerignore", "**/.env*\n").Commit();

        var row = Row(await RunAsync(repo), "dockerfile.dockerignore");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(Severity.DegradesIt, row.Severity);
        Assert.EndsWith("does not exclude .git", row.Evidence[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DockerignoreBesideDockerfileInSubfolder_IsUsed()
    {
        using var repo = new TestRepository();
        repo.Write("services/api/api.Dockerfile", GoodDockerfile)
            .Write("services/api/api.Dockerfile.dockerignore", "*\n!src\n")
            .Commit();

        var row = Row(await RunAsync(repo), "dockerfile.dockerignore");

        Assert.Equal(CheckResult.Pass, row.Result);
        Assert.Contains("services/api/api.Dockerfile.dockerignore", row.Evidence[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_FileWithoutFrom_WarnsInsteadOfCrashing()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile.dev", "this is not a dockerfile\n\\\n<<EOF\n").Write(".dockerignore", GoodIgnore).Commit();

        var rows = await RunAsync(repo);

        Assert.All(rows.Where(r => r.Id != "dockerfile.dockerignore"), row =>
        {
            Assert.Equal(CheckResult.Warn, row.Result);
            Assert.Equal("no-from", Assert.Single(row.Evidence).RuleId);
        });
    }

    [Fact]
    public async Task RunAsync_NotAGitRepository_SkipsWithReason()
    {
        var folder = Path.Combine(Path.GetTempPath(), "airlock-nogit-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var context = new CheckContext { RepositoryRoot = folder, Config = AirlockConfig.Default, Git = new Git.GitRepository(folder) };

            var rows = await new DockerfileCheck().RunAsync(context, CancellationToken.None);

            Assert.All(rows, row => Assert.Equal(CheckResult.Skipped, row.Result));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Dockerfile", true)]
    [InlineData("deploy/api.Dockerfile", true)]
    [InlineData("Dockerfile.prod", true)]
    [InlineData("Containerfile", true)]
    [InlineData("Dockerfile.dockerignore", false)]
    [InlineData("docs/Dockerfile.md", false)]
    [InlineData("src/DockerfileParser.cs", false)]
    public void IsDockerfile_Names_MatchDockerConventions(string path, bool expected)
    {
        Assert.Equal(expected, DockerfileDiscovery.IsDockerfile(path));
    }

    private static async Task<IReadOnlyList<RubricRow>> RunAsync(TestRepository repo, AirlockConfig? config = null) =>
        await new DockerfileCheck().RunAsync(repo.Context(config), CancellationToken.None);

    private static RubricRow Row(IReadOnlyList<RubricRow> rows, string id) => Assert.Single(rows, r => r.Id == id);

    private static void AssertFails(IReadOnlyList<RubricRow> rows, string rowId, string ruleId, int line)
    {
        var row = Row(rows, rowId);
        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Contains(row.Evidence, e => e.RuleId == ruleId && e.Line == line);
    }
}
