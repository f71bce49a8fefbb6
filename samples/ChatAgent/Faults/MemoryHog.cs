using Microsoft.Extensions.Options;

namespace ChatAgent.Faults;

/// <summary>Holds <c>Faults:MemoryHogMegabytes</c> of touched memory from startup until the process ends.</summary>
internal sealed class MemoryHog(IOptions<FaultOptions> options) : IHostedService
{
    private const int Megabyte = 1024 * 1024;

    // Held in a field so the collector cannot reclaim it; one array per megabyte stays off the large-object limits.
    private readonly List<byte[]> _held = [];

    public long HeldBytes => _held.Count * (long)Megabyte;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Value.MemoryHogMegabytes; i++)
        {
            var block = GC.AllocateUninitializedArray<byte>(Megabyte);

            // Touch every page so the memory is resident, not merely reserved.
            for (var offset = 0; offset < block.Length; offset += 4096)
            {
                block[offset] = 1;
            }

            _held.Add(block);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
