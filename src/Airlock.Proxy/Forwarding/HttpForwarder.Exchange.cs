using Microsoft.AspNetCore.Http;

namespace Airlock.Proxy.Forwarding;

internal sealed partial class HttpForwarder
{
    /// <summary>One request whose response headers arrived: what relaying or tunnelling it needs.</summary>
    /// <param name="Cancel">Cancelled by the client's disconnect or a timeout; its timer is re-armed for the idle gap.</param>
    /// <param name="Started">The timestamp the request arrived, for time to first byte.</param>
    /// <param name="Body">The counted request body, or null when the request has none.</param>
    private readonly record struct Exchange(
        HttpContext Context,
        HttpResponseMessage Response,
        CancellationTokenSource Cancel,
        long Started,
        CountingReadStream? Body,
        string Route,
        string Revision)
    {
        public long RequestBytes => Body?.BytesRead ?? 0;
    }
}
