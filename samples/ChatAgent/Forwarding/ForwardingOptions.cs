using System.Net;
using ChatAgent.Options;

namespace ChatAgent.Forwarding;

/// <summary>
/// Which proxies may tell this service who the client is (X-Forwarded-For). Empty by default: a header any client can
/// write must not choose its rate-limit bucket. Behind Airlock's router or nginx, list their addresses here.
/// </summary>
internal sealed class ForwardingOptions : IValidatableOptions
{
    public static string SectionName => "Forwarding";

    public List<string> KnownProxies { get; set; } = [];

    public IEnumerable<string> Validate()
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return $"{SectionName}:KnownProxies:{i} is not an IP address (got '{KnownProxies[i]}').";
            }
        }
    }
}
