using System.Net;
using System.Net.Sockets;

namespace KycE2E.Automation.Processes;

public static class LoopbackPort
{
    /// <summary>
    /// A port free right now. For servers that need their port up front (Appium, chromedriver); the window between
    /// freeing and binding is what every local runner accepts.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
