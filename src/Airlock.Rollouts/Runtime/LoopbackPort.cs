using System.Net;
using System.Net.Sockets;

namespace Airlock.Rollouts.Runtime;

/// <summary>
/// A free loopback port: bind port 0, read what the kernel chose, release it. Another process can take it before the
/// revision binds it; the revision then dies with "address already in use", which the health gate reports
/// (<see cref="HealthResult.PortInUse"/>) so the caller starts again on a new port.
/// </summary>
internal static class LoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
