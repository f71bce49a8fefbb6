using System.Collections;
using System.Collections.Immutable;
using System.Net;

namespace Airlock.Readiness.Live;

/// <summary>The running revision <c>--live URL</c> names, and what the probes may do to it.</summary>
public sealed record LiveTarget
{
    /// <summary>The URL given, with a trailing '/': every probe path is appended to its path, on its origin only.</summary>
    public required Uri BaseUri { get; init; }

    /// <summary><c>--allow-remote</c>: without it, only a loopback target is probed.</summary>
    public bool AllowRemote { get; init; }

    /// <summary><c>--expect-revision</c>: overrides <c>live.version.expect</c> and the repository's HEAD.</summary>
    public string? ExpectRevision { get; init; }

    /// <summary>The check run's environment, where secret values (row 12) and the canary (row 6) are read.</summary>
    public ImmutableDictionary<string, string> Environment { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string Origin => BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>True when the URL's host is a loopback address or <c>localhost</c> (RFC 6761 keeps it on this machine).</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>A target from the text given to <c>--live</c>, or the reason it is not one.</summary>
    public static bool TryCreate(string text, out Uri? uri, out string? problem)
    {
        uri = null;
        problem = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"'{text}' is not an http:// or https:// URL.";
            return false;
        }

        if (!string.IsNullOrEmpty(parsed.Query) || !string.IsNullOrEmpty(parsed.Fragment) || !string.IsNullOrEmpty(parsed.UserInfo))
        {
            problem = $"'{text}' has a query, fragment or user name; give the service's base URL only.";
            return false;
        }

        var path = parsed.AbsolutePath.EndsWith('/') ? parsed.AbsolutePath : parsed.AbsolutePath + "/";
        uri = new Uri(parsed.GetLeftPart(UriPartial.Authority) + path);
        return true;
    }

    /// <summary>The current process's environment, as a snapshot.</summary>
    public static ImmutableDictionary<string, string> ProcessEnvironment()
    {
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                builder[key] = value;
            }
        }

        return builder.ToImmutable();
    }
}
