namespace Airlock.Readiness.Tests.Live;

/// <summary>One healthy sample for a test class; each run draws fresh source addresses, so rate-limit buckets never carry over.</summary>
public sealed class HealthySampleFixture : IAsyncLifetime
{
    private SampleProcess? _sample;

    public Uri Url => _sample!.Url;

    public async Task InitializeAsync() => _sample = await SampleProcess.StartAsync("Agent:Revision=test-revision");

    public async Task DisposeAsync()
    {
        if (_sample is not null)
        {
            await _sample.DisposeAsync();
        }
    }
}
