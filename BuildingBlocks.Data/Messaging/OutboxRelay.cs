using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.Time;
using Platform.Contracts;

namespace Platform.BuildingBlocks.Messaging;

internal static class OutboxTelemetry
{
    public const string SourceName = "Platform.Outbox";
    public static readonly ActivitySource Source = new(SourceName);
}

public sealed class OutboxOptions
{
    /// <summary>How long the relay sleeps when it found nothing to send, unless a commit's notification wakes it first.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>New rows taken per round.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Rows due for another attempt taken per round, after the new ones: retries never hold new rows back.</summary>
    public int RetryBatchSize { get; set; } = 20;

    /// <summary>How long one publish may wait for the broker's confirm before the row is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent rows are kept this long for inspection, then deleted.</summary>
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// False leaves the sending to other instances of the service (one that only serves reads, or a test that
    /// drives the relay itself); the rows wait in the table meanwhile.
    /// </summary>
    public bool Relay { get; set; } = true;

    /// <summary>How often the backlog and the oldest unsent row's age are measured for the metrics.</summary>
    public TimeSpan MeasureInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Publishes pending outbox rows through MassTransit (publisher confirms on) and marks them sent. Rows are
/// leased with <c>FOR UPDATE SKIP LOCKED</c> inside a transaction, so several instances never send the same
/// row at once. New rows and rows being retried are two lanes: each round takes the new ones first and a few
/// due retries after them, so a pile of failing rows never delays a fresh event. Before its first publish the
/// relay declares every subscriber's queue (<see cref="SubscriberQueues"/>), so nothing is published into a
/// void at first start and no event waits for a subscriber that will never exist. Delivery is at-least-once:
/// a crash between the broker's confirm and the commit sends a row again, which the consumers' inbox absorbs.
/// </summary>
internal sealed class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    SubscriberQueues subscribers,
    OutboxMetrics metrics,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<OutboxRelay<TDbContext>> logger
) : PollingWorker(scopes, clock, logger)
    where TDbContext : DbContext
{
    private static readonly System.Reflection.Assembly ContractsAssembly = typeof(IntegrationEvent).Assembly;
    private readonly OutboxOptions options = configuration.GetSection("Platform:Outbox").Get<OutboxOptions>() ?? new OutboxOptions();

    // Signalled by the outbox's commit notifications (OutboxNotification); one pending signal is enough.
    private readonly System.Threading.Channels.Channel<bool> wakeups = System.Threading.Channels.Channel.CreateBounded<bool>(
        new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite }
    );
    private DateTimeOffset nextCleanup;
    private DateTimeOffset nextMeasure;

    protected override string Name => "outbox-relay";

    protected override TimeSpan Interval => options.PollInterval;

    protected override bool Enabled => options.Relay;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listening = options.Relay ? ListenAsync(stoppingToken) : Task.CompletedTask;
        await base.ExecuteAsync(stoppingToken);
        await listening;
    }

    protected override async Task<PollingRound> RunRoundAsync(CancellationToken ct)
    {
        await subscribers.DeclareAsync(ct);
        var taken = await RelayBatchAsync(ct);
        await MeasureAsync(ct);
        await CleanupAsync(ct);
        return PollingRound.OfBatch(taken, options.BatchSize);
    }

    /// <summary>Until a commit wrote to the outbox (its notification) or the poll interval passed (retries come due, a lost notification).</summary>
    protected override async Task PauseAsync(TimeSpan pause, CancellationToken stoppingToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var signalled = wakeups.Reader.WaitToReadAsync(wait.Token).AsTask();
        var elapsed = Task.Delay(pause, Clock, wait.Token);
        await Task.WhenAny(signalled, elapsed);
        // Ends the waiter that lost, so none are left behind.
        await wait.CancelAsync();
        while (wakeups.Reader.TryRead(out _)) { }
    }

    /// <summary>
    /// A connection of its own listening on <see cref="OutboxNotification.Channel"/>, so a commit wakes the relay at
    /// once instead of at its next poll; reconnects with a back-off when the database goes away.
    /// </summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var backoff = new FailureBackoff();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                string connectionString;
                await using (var scope = Scopes.CreateAsyncScope())
                {
                    connectionString = scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetConnectionString()
                        ?? throw new InvalidOperationException("The outbox's database has no connection string.");
                }

                var listen = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
                await using var connection = new Npgsql.NpgsqlConnection(listen.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => wakeups.Writer.TryWrite(true);
                await using (var command = new Npgsql.NpgsqlCommand($"LISTEN {OutboxNotification.Channel}", connection))
                {
                    await command.ExecuteNonQueryAsync(stoppingToken);
                }

                // Whatever was committed while nobody listened.
                wakeups.Writer.TryWrite(true);
                backoff.Succeeded();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                var wait = backoff.Failed(TimeSpan.FromSeconds(1));
                logger.LogWarning(ex, "The outbox relay stopped listening for commits; polling until it listens again in {Wait}", wait);
                await Task.Delay(wait, Clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One round: new rows first, then a few due retries; returns how many new rows it took.</summary>
    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        // Polling several times a second would fill the trace view with empty rounds: the relay's own database
        // work is not traced; each publish is, as a child of the request that wrote the event.
        using var untraced = SuppressInstrumentationScope.Begin();
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Clock.GetUtcNow();
        var fresh = await db.Set<OutboxMessage>()
            .FromSql(
                $"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND attempts = 0
                ORDER BY occurred_at, id
                LIMIT {options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """
            )
            .ToListAsync(cancellationToken);
        var retries = await db.Set<OutboxMessage>()
            .FromSql(
                $"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND attempts > 0 AND next_attempt_at <= {now}
                ORDER BY next_attempt_at, id
                LIMIT {options.RetryBatchSize}
                FOR UPDATE SKIP LOCKED
                """
            )
            .ToListAsync(cancellationToken);
        if (fresh.Count + retries.Count == 0)
        {
            return 0;
        }

        // The round's rows go out together, each publish started in the order they occurred, and the broker's confirms
        // are awaited together: one at a time, a round of a hundred waited out a hundred round trips, which held the
        // relay near 500 events a second. Consumers do not rely on the order within a round: the read models ignore
        // a state older than the one they hold, and consumers run several messages at once anyway.
        var rows = fresh.Concat(retries).ToList();
        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));
        // A row the broker did not take ends the round (the loop backs off); rows it took are recorded as sent.
        var refused = rows.Where((_, i) => !outcomes[i]).FirstOrDefault();

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (refused is not null)
        {
            // What was sent is recorded; the loop backs off before the next round.
            throw new BrokerUnavailableException($"The broker did not take outbox message {refused.Id}: {refused.LastError}");
        }

        return fresh.Count;
    }

    /// <summary>Publishes one row; false when the broker did not take it (a row that cannot be read is marked and skipped).</summary>
    private async Task<bool> PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        using var traced = SuppressInstrumentationScope.Begin(false);
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = OutboxTelemetry.Source.StartActivity($"outbox publish {row.MessageType}", ActivityKind.Internal, parent);
        try
        {
            var type = ContractsAssembly.GetType(row.MessageType) ?? throw new InvalidOperationException($"Unknown event type '{row.MessageType}'.");
            var message = JsonSerializer.Deserialize(row.Payload, type, OutboxMessage.Json)
                ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload.");
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.PublishTimeout);
                // WaitAsync as well: a publish waiting on a connection being recovered may not watch its token, and the
                // relay must move on (a publish that still lands later is a duplicate the consumers' inboxes absorb).
                await bus.Publish(message, type, Pipe.Execute<PublishContext>(ctx => ctx.MessageId = row.Id), timeout.Token)
                    .WaitAsync(options.PublishTimeout, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Failed(row, activity, ex);
                return false;
            }

            row.MarkSent(Clock.GetUtcNow());
            metrics.Published(row.Attempts > 1);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // This row cannot be sent as it is; the others can.
            Failed(row, activity, ex);
            return true;
        }
    }

    private void Failed(OutboxMessage row, Activity? activity, Exception ex)
    {
        row.MarkFailed(Clock.GetUtcNow(), ex.Message);
        metrics.Failed();
        activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
        logger.LogWarning(
            ex,
            "Publishing outbox message {MessageId} ({MessageType}) failed, attempt {Attempts}; next at {NextAttemptAt}",
            row.Id,
            row.MessageType,
            row.Attempts,
            row.NextAttemptAt
        );
    }

    /// <summary>The backlog (rows not yet sent) and the lag (age of the oldest of them), for the dashboard.</summary>
    private async Task MeasureAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        if (now < nextMeasure)
        {
            return;
        }

        nextMeasure = now + options.MeasureInterval;
        using var untraced = SuppressInstrumentationScope.Begin();
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        // Each lane by its own partial index: the table also keeps a week of sent rows, which a plain
        // "sent_at IS NULL" would scan.
        var lanes = await db
            .Database.SqlQuery<Lane>(
                $"""
                SELECT count(*) AS "Rows", min(occurred_at) AS "Oldest" FROM outbox_messages WHERE sent_at IS NULL AND attempts = 0
                UNION ALL
                SELECT count(*), min(occurred_at) FROM outbox_messages WHERE sent_at IS NULL AND attempts > 0
                """
            )
            .ToListAsync(cancellationToken);
        var oldest = lanes.Where(l => l.Oldest is not null).Select(l => l.Oldest!.Value).DefaultIfEmpty(now).Min();
        metrics.Measured(lanes.Sum(l => l.Rows), now - oldest);
    }

    internal sealed record Lane(long Rows, DateTimeOffset? Oldest);

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        if (now < nextCleanup)
        {
            return;
        }

        nextCleanup = now.AddHours(1);
        using var untraced = SuppressInstrumentationScope.Begin();
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var before = now - options.KeepSent;
        var deleted = await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} outbox messages sent before {Before}", deleted, before);
        }
    }
}

internal static class OutboxRelayRegistration
{
    public static IServiceCollection AddOutboxRelay<TDbContext>(this IServiceCollection services)
        where TDbContext : DbContext
    {
        services.AddSingleton<OutboxMetrics>();
        return services.AddHostedService<OutboxRelay<TDbContext>>();
    }
}

/// <summary>The broker did not take an event (unreachable, refusing, not confirming in time): the relay backs off.</summary>
public sealed class BrokerUnavailableException(string message) : Exception(message);
