namespace Airlock.Proxy.Routing;

/// <summary>Which rule chose the revision, in the order they are tried.</summary>
internal enum DecisionReason
{
    /// <summary>A ring allow-list named the user key or a header value.</summary>
    Ring,

    /// <summary>The conversation started on this revision, which still serves.</summary>
    Conversation,

    /// <summary>The user's salted bucket fell in this revision's share of the weights.</summary>
    Weight,
}
