namespace Airlock.Proxy.Tests;

/// <summary>What an echoing upstream saw.</summary>
internal sealed record EchoedRequest(string Revision, string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyLength)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
