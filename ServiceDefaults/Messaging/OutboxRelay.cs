using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using Platform.Contracts;

namespace Platform.ServiceDefaults.Messaging;

internal static class OutboxTelemetry
{
    public const string SourceName = "Platform.Outbox";
    public static readonly ActivitySource Source = new(SourceName);
}

public sealed class OutboxOptions
{
    /// <summary>How long the relay sleeps when it found nothing to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    public int BatchSize { get; set; } = 100;

    /// <summary>How long one publish may wait for the broker's confirm before the row is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent rows are kept this long for inspection, then deleted.</summary>
    public TimeSpan KeepSent { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// For this long after an event occurred, it is published only when some consumer's queue is bound to it
    /// (mandatory routing), and retried otherwise: when the suite starts, a service that consumes an event
    /// may come up after the one that publishes it, and the broker would drop what nobody was bound to yet.
    /// After this, an event nobody subscribes to is published anyway (and goes nowhere).
    /// </summary>
    public TimeSpan SubscriberGrace { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Publishes pending outbox rows through MassTransit (publisher confirms on) and marks them sent. Rows are
/// leased with <c>FOR UPDATE SKIP LOCKED</c> inside a transaction, so several instances never send the same
/// row at once; a failed row is retried with backoff. Delivery is at-least-once: a crash between the
/// broker's confirm and the commit sends a row again, which the consumers' inbox absorbs.
/// </summary>
internal sealed class OutboxRelay<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<OutboxRelay<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly System.Reflection.Assembly ContractsAssembly = typeof(IntegrationEvent).Assembly;
    private readonly OutboxOptions options = configuration.GetSection("Platform:Outbox").Get<OutboxOptions>() ?? new OutboxOptions();
    private DateTimeOffset nextCleanup;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int sent;
            try
            {
                sent = await RelayBatchAsync(stoppingToken);
                await CleanupAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be briefly away; the rows stay and are taken on the next round.
                logger.LogWarning(ex, "Outbox relay round failed; retrying");
                sent = 0;
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (sent < options.BatchSize)
            {
                await Task.Delay(options.PollInterval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    internal async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        // Polling several times a second would fill the trace view with empty rounds: the relay's own database
        // work is not traced; each publish is, as a child of the request that wrote the event.
        using var untraced = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = await db.Set<OutboxMessage>()
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                ORDER BY occurred_at, id
                LIMIT {options.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return 0;
        }

        foreach (var row in rows)
        {
            await PublishAsync(row, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private async Task PublishAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        using var traced = SuppressInstrumentationScope.Begin(false);
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = OutboxTelemetry.Source.StartActivity($"outbox publish {row.MessageType}", ActivityKind.Internal, parent);
        try
        {
            var type = ContractsAssembly.GetType(row.MessageType)
                ?? throw new InvalidOperationException($"Unknown event type '{row.MessageType}'.");
            var message = JsonSerializer.Deserialize(row.Payload, type, OutboxMessage.Json)
                ?? throw new InvalidOperationException($"Outbox row {row.Id} has an empty payload.");
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.PublishTimeout);
            var mandatory = clock.GetUtcNow() - row.OccurredAt < options.SubscriberGrace;
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(ctx =>
            {
                ctx.MessageId = row.Id;
                if (mandatory && ctx.TryGetPayload(out RabbitMqSendContext? rabbit))
                {
                    rabbit.Mandatory = true;
                }
            }), timeout.Token);
            row.MarkSent(clock.GetUtcNow());
        }
        catch (MessageReturnedException) when (!cancellationToken.IsCancellationRequested)
        {
            // No queue is bound to this event yet: expected while a subscriber starts, or for an event nobody
            // subscribes to (it goes out unrouted once the grace period is over). Not a failure worth a stack trace.
            row.MarkFailed(clock.GetUtcNow(), "no subscriber bound yet");
            logger.LogDebug("No subscriber bound yet for {MessageType} {MessageId}; next attempt at {NextAttemptAt}", row.MessageType, row.Id, row.NextAttemptAt);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            row.MarkFailed(clock.GetUtcNow(), ex.Message);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogWarning(ex, "Publishing outbox message {MessageId} ({MessageType}) failed, attempt {Attempts}; next at {NextAttemptAt}",
                row.Id, row.MessageType, row.Attempts, row.NextAttemptAt);
        }
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < nextCleanup)
        {
            return;
        }

        nextCleanup = now.AddHours(1);
        using var untraced = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
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
    public static IServiceCollection AddOutboxRelay<TDbContext>(this IServiceCollection services) where TDbContext : DbContext =>
        services.AddHostedService<OutboxRelay<TDbContext>>();
}
