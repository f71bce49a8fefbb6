namespace Airlock.Proxy.Forwarding;

/// <summary>Which <c>Host</c> header the revision receives.</summary>
internal enum HostPolicy
{
    /// <summary>The revision's own authority (the upstream URI's host and port): what most apps expect.</summary>
    Upstream,

    /// <summary>The client's <c>Host</c>, for apps that build absolute links or pick a tenant from it.</summary>
    Preserve,
}
