using Airlock.Core.Readiness;
using Airlock.Readiness.Dependencies;
using Airlock.Readiness.Rubric;

namespace Airlock.Readiness.Tests.Dependencies;

public sealed class DependenciesCheckTests
{
    private const string PackageJson = """{ "name": "app", "dependencies": { "express": "^4.18.0" }, "devDependencies": { "jest": "~29.7.0" } }""";

    private const string PackageLock = """
        {
          "name": "app", "lockfileVersion": 3,
          "packages": {
            "": { "name": "app", "dependencies": { "express": "^4.18.0" }, "devDependencies": { "jest": "~29.7.0" } },
            "node_modules/express": { "version": "4.19.2" },
            "node_modules/jest": { "version": "29.7.0", "dev": true }
          }
        }
        """;

    [Fact]
    public async Task Run_EmptyRepository_SkipsEveryRowWithReason()
    {
        using var repo = new TestRepository();
        repo.Write("README.md", "hi").Commit();

        var rows = await RunAsync(repo);

        Assert.Equal(["dependencies.nuget", "dependencies.npm", "dependencies.pip", "dependencies.go", "dependencies.cargo", "dependencies.docker-base"], rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal(CheckResult.Skipped, r.Result));
        Assert.All(rows, r => Assert.StartsWith("No ", r.Summary, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal((Severity.DegradesIt, CountdownStep.Build), (r.Severity, r.Step)));
    }

    [Theory]
    [InlineData("13.*")]
    [InlineData("*")]
    [InlineData("[13.0,14.0)")]
    [InlineData("(12.0,)")]
    public async Task Run_NuGetFloatingOrRange_FailsWithLine(string version)
    {
        using var repo = new TestRepository();
        repo.Write("src/App/App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="Newtonsoft.Json" Version="{version}" />
              </ItemGroup>
            </Project>
            """).Write("src/App/packages.lock.json", "{}").Commit();

        var row = await RowAsync(repo, "dependencies.nuget");

        Assert.Equal(CheckResult.Fail, row.Result);
        var evidence = Assert.Single(row.Evidence);
        Assert.Equal(("src/App/App.csproj", 3), (evidence.File, evidence.Line));
    }

    [Fact]
    public async Task Run_NuGetBareVersionsWithoutLockOrCentralManagement_Warns()
    {
        using var repo = new TestRepository();
        repo.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><PackageReference Include="Serilog" Version="4.0.0" /></ItemGroup>
            </Project>
            """).Commit();

        var row = await RowAsync(repo, "dependencies.nuget");

        Assert.Equal(CheckResult.Warn, row.Result);
        Assert.Contains("packages.lock.json", row.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NuGetCentralManagementWithExactAndPropertyVersions_Passes()
    {
        using var repo = new TestRepository();
        repo.Write("Directory.Packages.props", """
            <Project>
              <PropertyGroup>
                <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>
                <XunitVersion>2.9.3</XunitVersion>
              </PropertyGroup>
              <ItemGroup>
                <PackageVersion Include="Serilog" Version="[4.0.0]" />
                <PackageVersion Include="xunit" Version="$(XunitVersion)" />
              </ItemGroup>
            </Project>
            """).Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><PackageReference Include="Serilog" /><PackageReference Include="xunit" /></ItemGroup>
            </Project>
            """).Commit();

        var row = await RowAsync(repo, "dependencies.nuget");

        Assert.Equal(CheckResult.Pass, row.Result);
    }

    [Fact]
    public async Task Run_NuGetPropertyResolvingToFloatingVersion_Fails()
    {
        using var repo = new TestRepository();
        repo.Write("App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><AwsVersion>3.*</AwsVersion></PropertyGroup>
              <ItemGroup><PackageReference Include="AWSSDK.S3" Version="$(AwsVersion)" /></ItemGroup>
            </Project>
            """).Write("packages.lock.json", "{}").Commit();

        var row = await RowAsync(repo, "dependencies.nuget");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Contains("(= `3.*`)", row.Evidence[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NuGetMalformedProject_WarnsWithoutCrashing()
    {
        using var repo = new TestRepository();
        repo.Write("App.csproj", "<Project><ItemGroup>").Commit();

        var row = await RowAsync(repo, "dependencies.nuget");

        Assert.Equal(CheckResult.Warn, row.Result);
        Assert.Contains(row.Evidence, e => e.File == "App.csproj" && e.Message.Contains("not well-formed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_NpmWithoutLock_Fails()
    {
        using var repo = new TestRepository();
        repo.Write("web/package.json", PackageJson).Commit();

        var row = await RowAsync(repo, "dependencies.npm");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal("web/package.json", Assert.Single(row.Evidence).File);
    }

    [Fact]
    public async Task Run_NpmLockInSync_Passes()
    {
        using var repo = new TestRepository();
        repo.Write("package.json", PackageJson).Write("package-lock.json", PackageLock).Commit();

        var row = await RowAsync(repo, "dependencies.npm");

        Assert.Equal(CheckResult.Pass, row.Result);
    }

    [Fact]
    public async Task Run_NpmDependencyAddedAfterLock_FailsNamingIt()
    {
        using var repo = new TestRepository();
        var added = PackageJson.Replace("\"express\": \"^4.18.0\"", "\"express\": \"^4.18.0\", \"zod\": \"^3.23.0\"", StringComparison.Ordinal);
        repo.Write("package.json", added).Write("package-lock.json", PackageLock).Commit();

        var row = await RowAsync(repo, "dependencies.npm");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Contains("`zod`", Assert.Single(row.Evidence).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NpmLockedVersionOutsideRange_Fails()
    {
        using var repo = new TestRepository();
        var lockText = PackageLock.Replace("4.19.2", "5.0.0", StringComparison.Ordinal);
        repo.Write("package.json", PackageJson).Write("package-lock.json", lockText).Commit();

        var row = await RowAsync(repo, "dependencies.npm");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Contains("`express@5.0.0`, which does not satisfy `^4.18.0`", Assert.Single(row.Evidence).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NpmWorkspacePackageWithRootLock_ResolvesHoistedAndNestedVersions()
    {
        using var repo = new TestRepository();
        repo.Write("package.json", """{ "name": "root", "workspaces": ["packages/*"] }""")
            .Write("packages/api/package.json", """{ "name": "api", "dependencies": { "express": "^4.18.0", "uuid": "^9.0.0" } }""")
            .Write("package-lock.json", """
                {
                  "lockfileVersion": 3,
                  "packages": {
                    "": { "name": "root", "workspaces": ["packages/*"] },
                    "packages/api": { "name": "api", "dependencies": { "express": "^4.18.0", "uuid": "^9.0.0" } },
                    "node_modules/express": { "version": "4.19.2" },
                    "node_modules/uuid": { "version": "8.3.2" },
                    "packages/api/node_modules/uuid": { "version": "9.0.1" }
                  }
                }
                """).Commit();

        var row = await RowAsync(repo, "dependencies.npm");

        Assert.Equal(CheckResult.Pass, row.Result);
    }

    [Fact]
    public async Task Run_YarnLockMissingSpec_Fails()
    {
        using var repo = new TestRepository();
        repo.Write("package.json", PackageJson).Write("yarn.lock", """
            # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
            # yarn lockfile v1


            express@^4.17.0:
              version "4.19.2"

            "jest@~29.7.0", jest@^29.0.0:
              version "29.7.0"
            """).Commit();

        var row = await RowAsync(repo, "dependencies.npm");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Contains("`express@^4.18.0`", Assert.Single(row.Evidence).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_YarnBerryLockInSync_Passes()
    {
        using var repo = new TestRepository();
        repo.Write("package.json", PackageJson).Write("yarn.lock", """
            __metadata:
              version: 8

            "express@npm:^4.18.0":
              version: 4.19.2
              resolution: "express@npm:4.19.2"

            "jest@npm:~29.7.0":
              version: 29.7.0
            """).Commit();

        var row = await RowAsync(repo, "dependencies.npm");

        Assert.Equal(CheckResult.Pass, row.Result);
    }

    [Fact]
    public async Task Run_PnpmSpecifierChanged_Fails()
    {
        using var repo = new TestRepository();
        repo.Write("package.json", PackageJson).Write("pnpm-lock.yaml", """
            lockfileVersion: '9.0'
            importers:
              .:
                dependencies:
                  express:
                    specifier: ^4.17.0
                    version: 4.19.2
                devDependencies:
                  jest:
                    specifier: ~29.7.0
                    version: 29.7.0
            """).Commit();

        var row = await RowAsync(repo, "dependencies.npm");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Contains("records `express@^4.17.0`", Assert.Single(row.Evidence).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MalformedPackageJson_WarnsWithoutCrashing()
    {
        using var repo = new TestRepository();
        repo.Write("package.json", "{ \"dependencies\": ").Commit();

        var row = await RowAsync(repo, "dependencies.npm");

        Assert.Equal(CheckResult.Warn, row.Result);
    }

    [Fact]
    public async Task Run_RequirementsWithRangesAndPins_FailsOnlyUnpinnedLines()
    {
        using var repo = new TestRepository();
        repo.Write("requirements.txt", """
            # web
            -r base.txt
            --index-url https://pypi.org/simple
            flask==3.0.3 --hash=sha256:abc
            requests>=2.31  # ranged
            gunicorn
            numpy==1.*
            uvicorn[standard]==0.30.1 ; python_version >= "3.8"
            git+https://github.com/org/lib@0123456789abcdef0123456789abcdef01234567#egg=lib
            -e .
            """).Commit();

        var row = await RowAsync(repo, "dependencies.pip");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal([5, 6, 7], row.Evidence.Select(e => e.Line ?? 0));
    }

    [Fact]
    public async Task Run_PyprojectWithoutLock_FailsAndWithPoetryLock_Passes()
    {
        using var repo = new TestRepository();
        repo.Write("pyproject.toml", """
            [project]
            name = "agent"
            requires-python = ">=3.11"
            dependencies = [
              "fastapi>=0.110",  # web
            ]
            """).Commit();

        Assert.Equal(CheckResult.Fail, (await RowAsync(repo, "dependencies.pip")).Result);

        repo.Write("poetry.lock", "# lock").Commit();
        Assert.Equal(CheckResult.Pass, (await RowAsync(repo, "dependencies.pip")).Result);
    }

    [Fact]
    public async Task Run_MalformedPyproject_WarnsWithLineInsteadOfCrashing()
    {
        using var repo = new TestRepository();
        repo.Write("pyproject.toml", "[project]\nname = \"agent\"\ndependencies = [\"fastapi\"\ntoken = ghp_notquoted\n").Commit();

        var row = await RowAsync(repo, "dependencies.pip");

        Assert.Equal(CheckResult.Warn, row.Result);
        var evidence = Assert.Single(row.Evidence);
        Assert.Equal("pyproject.toml", evidence.File);
        Assert.Equal(4, evidence.Line);
        Assert.DoesNotContain("ghp_", evidence.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PoetryGroupDependenciesAndDatesWithoutLock_Fails()
    {
        using var repo = new TestRepository();
        repo.Write("pyproject.toml", """
            [tool.poetry]
            name = "agent"
            released = 2024-05-01 10:00:00Z

            [tool.poetry.dependencies]
            python = "^3.12"

            [tool.poetry.group.test.dependencies]
            pytest = { version = "^8.0", optional = true }
            """).Commit();

        var row = await RowAsync(repo, "dependencies.pip");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal("pyproject.toml", Assert.Single(row.Evidence).File);
    }

    [Fact]
    public async Task Run_MalformedCargoToml_Warns()
    {
        using var repo = new TestRepository();
        repo.Write("Cargo.toml", "[package]\nname = \"cli\"\n[package]\n").Write("src/main.rs", "fn main() {}").Commit();

        var row = await RowAsync(repo, "dependencies.cargo");

        Assert.Equal(CheckResult.Warn, row.Result);
        Assert.Equal(3, Assert.Single(row.Evidence).Line);
    }

    [Fact]
    public async Task Run_DockerfilesNamedAsTheDockerfileCheckFindsThem_AreJudged()
    {
        using var repo = new TestRepository();
        repo.Write("Dockerfile.dockerignore", "node_modules\n").Write("deploy/Containerfile.prod", "FROM python\n").Commit();

        var row = await RowAsync(repo, "dependencies.docker-base");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal("deploy/Containerfile.prod", Assert.Single(row.Evidence).File);
    }

    [Fact]
    public async Task Run_GoModWithRequiresAndNoSum_FailsUntilSumCommitted()
    {
        using var repo = new TestRepository();
        repo.Write("svc/go.mod", "module example.com/svc\n\ngo 1.22\n\nrequire github.com/google/uuid v1.6.0\n").Commit();

        var row = await RowAsync(repo, "dependencies.go");
        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal(5, row.Evidence[0].Line);

        repo.Write("svc/go.sum", "github.com/google/uuid v1.6.0 h1:x=\n").Commit();
        Assert.Equal(CheckResult.Pass, (await RowAsync(repo, "dependencies.go")).Result);
    }

    [Fact]
    public async Task Run_CargoBinaryWithoutLock_FailsButLibraryPasses()
    {
        using var repo = new TestRepository();
        repo.Write("lib/Cargo.toml", "[package]\nname = \"lib\"\n").Write("lib/src/lib.rs", "")
            .Write("cli/Cargo.toml", "[package]\nname = \"cli\"\n\n[dependencies]\nserde = \"1\"\n").Write("cli/src/main.rs", "fn main() {}").Commit();

        var row = await RowAsync(repo, "dependencies.cargo");

        Assert.Equal(CheckResult.Fail, row.Result);
        Assert.Equal("cli/Cargo.toml", Assert.Single(row.Evidence).File);
    }

    [Fact]
    public async Task Run_CargoWorkspaceLockAtRoot_Passes()
    {
        using var repo = new TestRepository();
        repo.Write("Cargo.toml", "[workspace]\nmembers = [\"cli\"]\n").Write("Cargo.lock", "version = 3\n")
            .Write("cli/Cargo.toml", "[package]\nname = \"cli\"\n").Write("cli/src/main.rs", "fn main() {}").Commit();

        Assert.Equal(CheckResult.Pass, (await RowAsync(repo, "dependencies.cargo")).Result);
    }

    [Theory]
    [InlineData("FROM python\n", CheckResult.Fail, 1)]
    [InlineData("FROM python:latest AS build\nFROM build\n", CheckResult.Fail, 1)]
    [InlineData("ARG BASE\nFROM $BASE\n", CheckResult.Warn, 2)]
    [InlineData("FROM python:3.12-slim\n", CheckResult.Pass, 0)]
    [InlineData("FROM mcr.microsoft.com/dotnet/aspnet:10.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n", CheckResult.Pass, 0)]
    public async Task Run_DockerBaseImage_JudgedByPin(string dockerfile, CheckResult expected, int line)
    {
        using var repo = new TestRepository();
        repo.Write("deploy/Dockerfile", dockerfile).Commit();

        var row = await RowAsync(repo, "dependencies.docker-base");

        Assert.Equal(expected, row.Result);
        if (expected != CheckResult.Pass)
        {
            Assert.Equal(("deploy/Dockerfile", line), (row.Evidence[0].File, row.Evidence[0].Line));
        }
    }

    private static async Task<IReadOnlyList<RubricRow>> RunAsync(TestRepository repo) =>
        await new DependenciesCheck().RunAsync(repo.Context(), CancellationToken.None);

    private static async Task<RubricRow> RowAsync(TestRepository repo, string id) =>
        (await RunAsync(repo)).Single(r => r.Id == id);
}
