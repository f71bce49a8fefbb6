namespace Airlock.ChatAgent.Tests.Widget;

/// <summary>The browser test classes share one Chromium (a launch costs seconds on a busy machine) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SharedChromium : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
