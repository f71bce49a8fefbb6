using System.Text.RegularExpressions;

namespace Airlock.Readiness.Branch;

/// <summary>Remote URLs often carry a token (<c>https://x-access-token:ghp_…@github.com/…</c>); evidence never shows it.</summary>
internal static partial class RemoteUrl
{
    public static string WithoutCredentials(string url) => UserInfo().Replace(url, "${scheme}***@");

    [GeneratedRegex(@"(?<scheme>^[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]+@")]
    private static partial Regex UserInfo();
}
