using System.Reflection;
using ChatAgent.Agent;
using Microsoft.Extensions.Options;

namespace ChatAgent.Metrics;

/// <summary>What is serving: the configured revision, else the commit the SDK stamped into the build.</summary>
internal sealed class ServiceRevision
{
    public ServiceRevision(IOptions<AgentOptions> options)
    {
        Build = typeof(ServiceRevision).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
        var plus = Build.IndexOf('+', StringComparison.Ordinal);
        Revision = options.Value.Revision ?? (plus >= 0 ? Build[(plus + 1)..] : "dev");
    }

    public string Revision { get; }

    public string Build { get; }
}
