using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// <c>Platform:Hosting:SharePort=true</c>: several processes of one service on one host network listen on the same
/// port (Linux's SO_REUSEPORT), the kernel spreading new connections among them as a Kubernetes Service spreads them
/// among pods. For replicas that share a machine's network (the podman rehearsal, <c>./platform rehearse</c>); off
/// by default, where a second process on a taken port must fail to start.
/// </summary>
public static class SharedListenPort
{
    private const int SolSocket = 1;
    private const int SoReusePort = 15;

    public static IHostApplicationBuilder AddSharedListenPort(this IHostApplicationBuilder builder)
    {
        if (!builder.Configuration.GetValue<bool>("Platform:Hosting:SharePort") || !OperatingSystem.IsLinux())
        {
            return builder;
        }

        builder.Services.Configure<SocketTransportOptions>(options =>
            options.CreateBoundListenSocket = endpoint =>
            {
                if (endpoint is not IPEndPoint ip)
                {
                    return SocketTransportOptions.CreateDefaultBoundListenSocket(endpoint);
                }

                var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
                    if (ip.Address.Equals(IPAddress.IPv6Any))
                    {
                        socket.DualMode = true;
                    }

                    socket.Bind(ip);
                    return socket;
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            }
        );
        return builder;
    }
}
