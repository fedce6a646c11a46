using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Hosting;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Data;

namespace Platform.Workflow.Notifications;

/// <summary>
/// Delivers pending notifications through their channel's provider. Rows are taken with
/// <c>FOR UPDATE SKIP LOCKED</c>, so several instances never send one twice; a channel without a provider
/// marks the row Undeliverable (the record stays), a failing provider is retried with a growing pause.
/// </summary>
public sealed partial class NotificationDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<INotificationChannel> channels,
    LiveInbox live,
    TimeProvider clock,
    ILogger<NotificationDispatcher> logger
) : PollingWorker(scopes, clock, logger)
{
    private const int BatchSize = 50;
    private readonly Dictionary<string, INotificationChannel> byName = channels.ToDictionary(c => c.Name);

    protected override string Name => "notification-sender";

    protected override TimeSpan Interval => TimeSpan.FromSeconds(1);

    protected override async Task<PollingRound> RunRoundAsync(CancellationToken ct) => PollingRound.OfBatch(await RunOnceAsync(ct), BatchSize);

    /// <summary>One batch of due notifications, in one transaction; returns how many were handled.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = Clock.GetUtcNow();
        // Ids first (EF cannot map the protected-value columns from raw SQL); the rows stay locked by this transaction.
        var ids = await db
            .Database.SqlQuery<Guid>(
                $"""
                SELECT id AS "Value" FROM notifications
                WHERE status = 'Pending' AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """
            )
            .ToListAsync(ct);
        var due = await db.Notifications.Where(n => ids.Contains(n.Id)).ToListAsync(ct);
        foreach (var notification in due)
        {
            if (!byName.TryGetValue(notification.Channel, out var channel))
            {
                notification.NoProvider(now);
                continue;
            }

            try
            {
                var address = notification.Phone is { } phone ? protector.Reveal(phone) : notification.Recipient!;
                await channel.DeliverAsync(notification, address, ct);
                notification.Sent(Clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDeliveryFailed(ex, notification.Id, notification.Channel);
                notification.AttemptFailed(ex.Message, Clock.GetUtcNow());
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        // Only once committed: an open inbox stream that hears this reads the rows as delivered.
        var arrived = due.Where(n => n.Channel == NotificationChannels.App && n.Status == NotificationStatus.Sent).Select(n => n.Recipient!).ToList();
        if (arrived.Count > 0)
        {
            try
            {
                await live.AnnounceAsync(arrived);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogAnnounceFailed(ex);
            }
        }

        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Open inbox streams could not be told of delivered notifications; they see them at their next turn")]
    private partial void LogAnnounceFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} on {Channel} failed")]
    private partial void LogDeliveryFailed(Exception ex, Guid notificationId, string channel);
}
