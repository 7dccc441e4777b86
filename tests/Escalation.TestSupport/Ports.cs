using System.Net;
using System.Net.Sockets;

namespace Escalation.TestSupport;

public static class Ports
{
    /// <summary>A loopback port nothing listens on (at the moment of asking).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
