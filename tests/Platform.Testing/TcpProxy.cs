using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>
/// A TCP forwarder on loopback between a service and a real server, to inject network faults: <see cref="Down"/>
/// resets every open connection and refuses new ones (what a service sees when its database or broker goes away),
/// <see cref="Up"/> lets them through again on the same port.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly Lock gate = new();
    private readonly List<Socket> open = [];
    private TcpListener? listener;
    private CancellationTokenSource? accepting;

    private TcpProxy(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    /// <summary>The loopback port to connect to instead of the server's.</summary>
    public int Port { get; }

    public bool IsUp => listener is not null;

    public static TcpProxy Start(string targetHost, int targetPort)
    {
        var proxy = new TcpProxy(targetHost, targetPort);
        proxy.Up();
        return proxy;
    }

    public void Up()
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return;
            }

            listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            accepting = new CancellationTokenSource();
            _ = AcceptAsync(listener, accepting.Token);
        }
    }

    /// <summary>Every connection reset, new ones refused, until <see cref="Up"/>.</summary>
    public void Down()
    {
        lock (gate)
        {
            accepting?.Cancel();
            listener?.Stop();
            listener = null;
            foreach (var socket in open)
            {
                try
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                }
                catch (ObjectDisposedException) { }
            }

            open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listening, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listening.AcceptSocketAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested || !listening.Server.IsBound)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = ForwardAsync(client, ct);
        }
    }

    private async Task ForwardAsync(Socket client, CancellationToken ct)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await server.ConnectAsync(targetHost, targetPort, ct);
            lock (gate)
            {
                if (ct.IsCancellationRequested)
                {
                    client.Close();
                    server.Close();
                    return;
                }

                open.Add(client);
                open.Add(server);
            }

            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var serverStream = new NetworkStream(server, ownsSocket: false);
            await Task.WhenAny(clientStream.CopyToAsync(serverStream, ct), serverStream.CopyToAsync(clientStream, ct));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A reset by Down(), or either side closing: the other side is closed below.
        }
        finally
        {
            lock (gate)
            {
                open.Remove(client);
                open.Remove(server);
            }

            client.Close();
            server.Close();
        }
    }

    public ValueTask DisposeAsync()
    {
        Down();
        accepting?.Dispose();
        return ValueTask.CompletedTask;
    }
}
