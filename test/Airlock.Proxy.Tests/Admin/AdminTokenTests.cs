using Airlock.Core.Security;

namespace Airlock.Proxy.Tests.Admin;

public sealed class AdminTokenTests
{
    [Fact]
    public void LoadOrCreate_NoFile_CreatesAnOwnerOnlyFileAndReadsItBack()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "admin.token");

        var created = BearerToken.LoadOrCreate(path, out var wasCreated);
        var loaded = BearerToken.LoadOrCreate(path, out var createdAgain);

        Assert.True(wasCreated);
        Assert.False(createdAgain);
        var token = File.ReadAllText(path);
        Assert.True(token.Length >= 40);
        Assert.True(created.Authorizes($"Bearer {token}"));
        Assert.True(loaded.Authorizes($"bearer {token}"));
        Assert.DoesNotContain(token, created.Redacted, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("Bearer secret-token-1234567")]
    [InlineData("Bearer secret-token-123456789")]
    [InlineData("Token secret-token-12345678")]
    public void Authorizes_WrongOrMissingHeader_False(string? header) =>
        Assert.False(new BearerToken("secret-token-12345678").Authorizes(header));
}
