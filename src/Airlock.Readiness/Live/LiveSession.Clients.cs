using System.Net;
using System.Net.Sockets;

namespace Airlock.Readiness.Live;

internal sealed partial class LiveSession
{
    private HttpClient Client(LiveUser user) => _clients.GetOrAdd(user, CreateClient);

    private HttpClient CreateClient(LiveUser user)
    {
        var handler = new SocketsHttpHandler
        {
            // A redirect could point anywhere; a probe reports it instead of following it.
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = Config.Timeout,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(user, context.DnsEndPoint, cancellationToken),
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Connects from the user's source address. Without <c>--allow-remote</c>, a name that resolves to anything but
    /// loopback is refused here, at the socket, whatever the URL looked like.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(LiveUser user, DnsEndPoint endPoint, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endPoint.Host, cancellationToken);
        if (!Target.AllowRemote && addresses.Any(a => !IPAddress.IsLoopback(a)))
        {
            throw new LiveTargetRefusedException($"'{endPoint.Host}' resolves to a non-loopback address; pass --allow-remote to probe it.");
        }

        var ordered = user.Source is null
            ? addresses
            : [.. addresses.Where(a => a.AddressFamily == user.Source.AddressFamily), .. addresses.Where(a => a.AddressFamily != user.Source.AddressFamily)];
        SocketException? last = null;
        foreach (var address in ordered)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (user.Source is not null && user.Source.AddressFamily == address.AddressFamily)
                {
                    socket.Bind(new IPEndPoint(user.Source, 0));
                }

                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
