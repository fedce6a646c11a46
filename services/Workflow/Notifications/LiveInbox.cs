using System.Threading.Channels;
using StackExchange.Redis;

namespace Platform.Workflow.Notifications;

/// <summary>
/// Tells open inbox streams that something arrived for an address, through Redis pub/sub so every replica hears
/// what any replica delivered. The signal carries no content: a stream reads the inbox itself, by its cursor,
/// so a lost signal only delays a message until the next one or the stream's next turn.
/// </summary>
public sealed class LiveInbox(IConnectionMultiplexer redis)
{
    private static RedisChannel ChannelOf(string address) => RedisChannel.Literal($"platform:inbox:{address}");

    public async Task AnnounceAsync(IEnumerable<string> addresses)
    {
        var subscriber = redis.GetSubscriber();
        foreach (var address in addresses.Distinct())
        {
            await subscriber.PublishAsync(ChannelOf(address), "1");
        }
    }

    /// <summary>Signals for the given addresses until the listener is disposed.</summary>
    public async Task<Listener> ListenAsync(IReadOnlyCollection<string> addresses)
    {
        var listener = new Listener(redis.GetSubscriber(), addresses.Select(ChannelOf).ToList());
        await listener.StartAsync();
        return listener;
    }

    public sealed class Listener(ISubscriber subscriber, IReadOnlyList<RedisChannel> channels) : IAsyncDisposable
    {
        // One pending signal is as good as many: the stream reads everything after its cursor.
        private readonly Channel<bool> signals = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        internal async Task StartAsync()
        {
            foreach (var channel in channels)
            {
                await subscriber.SubscribeAsync(channel, OnMessage);
            }
        }

        /// <summary>True when something arrived, false when <paramref name="timeout"/> passed first.</summary>
        public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(timeout);
            try
            {
                return await signals.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return false;
            }
        }

        private void OnMessage(RedisChannel channel, RedisValue value) => signals.Writer.TryWrite(true);

        public async ValueTask DisposeAsync()
        {
            foreach (var channel in channels)
            {
                await subscriber.UnsubscribeAsync(channel, OnMessage);
            }
        }
    }
}
