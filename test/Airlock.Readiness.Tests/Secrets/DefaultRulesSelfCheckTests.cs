using Airlock.Readiness.Secrets.Engine;
using Airlock.Readiness.Secrets.Rules;

namespace Airlock.Readiness.Tests.Secrets;

/// <summary>Lines from Airlock's own sources that the default rules once flagged: none of them is a credential.</summary>
public sealed class DefaultRulesSelfCheckTests
{
    private static readonly SecretDetector Detector = new(SecretRuleSources.LoadDefault());

    [Theory]
    [InlineData("ResultNames.cs", "        CheckResult.Pass => \"✔ pass\",")]
    [InlineData("RemoteUrl.cs", "/// Remote URLs often carry a token (<c>https://x-access-token:ghp_…@github.com/…</c>).")]
    [InlineData("BearerToken.cs", "        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=');")]
    [InlineData("create.sh", "openai_key=\"sk-proj-$(alnum openai-1 20)$(alnum openai-2 20)\"")]
    public void Detect_OwnSourceLine_ReportsNothing(string path, string line)
    {
        Assert.Empty(Detector.Detect(new SecretFragment(path, line)));
    }

    [Fact]
    public void Detect_LiteralWordPasswordInPgpass_StillReported()
    {
        // A weak password is still a credential: leaky-repo plants exactly this.
        Assert.NotEmpty(Detector.Detect(new SecretFragment("db/.pgpass", "localhost:5432:database:root:password\n")));
    }

    [Fact]
    public void Detect_RealPasswordBesideTheAllowedShapes_StillReported()
    {
        var password = string.Concat("Tr0ub4", "dor&3-", "horse9");

        var matches = Detector.Detect(new SecretFragment("settings.py", $"DB_PASSWORD = \"{password}\""));

        Assert.Contains(matches, m => m.Secret == password);
    }
}
