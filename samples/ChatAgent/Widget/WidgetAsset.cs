namespace ChatAgent.Widget;

/// <summary>One file the widget feature serves, built once at startup and never changed (an immutable snapshot).</summary>
/// <param name="ETag">A strong validator (quoted hash of the bytes), so a revalidation costs a 304 and no body.</param>
internal sealed record WidgetAsset(string Path, byte[] Content, string ContentType, string CacheControl, string ETag);
