using Airlock.Readiness.Redaction;

namespace Airlock.Readiness.Tests;

public sealed class RedactionTests
{
    [Fact]
    public void Redact_LongSecret_KeepsPrefixAndHashOnly()
    {
        const string secret = "sk-proj-abcdefghijklmnopqrstuvwxyz0123456789";

        var redacted = SecretRedactor.Redact(secret);

        Assert.StartsWith("sk-p…[sha256:", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghij", redacted, StringComparison.Ordinal);
        Assert.Equal(redacted, SecretRedactor.Redact(secret));
    }

    [Fact]
    public void Redact_ShortSecret_KeepsNoPrefix()
    {
        Assert.StartsWith("…[sha256:", SecretRedactor.Redact("hunter2"), StringComparison.Ordinal);
    }
}
