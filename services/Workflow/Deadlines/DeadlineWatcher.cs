using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.BuildingBlocks.Hosting;
using Platform.Workflow.Assessment;
using Platform.Workflow.Data;
using Platform.Workflow.Notifications;

namespace Platform.Workflow.Deadlines;

/// <summary>
/// The supervision timer (监督制约): finds cases whose <see cref="CaseDeadline.NextCheckAt"/> has come, and warns the
/// handler, marks the case overdue, or escalates it (督办). Due cases are taken from the database with
/// <c>FOR UPDATE SKIP LOCKED</c> and changed in the same transaction, so it survives restarts (the schedule is
/// in the rows, not in memory) and several instances never act on one case twice.
/// </summary>
public sealed partial class DeadlineWatcher(
    IServiceScopeFactory scopes,
    DeadlinePolicy deadlines,
    IOptions<DeadlineOptions> options,
    IOptions<AssessmentOptions> assessment,
    TimeProvider clock,
    ILogger<DeadlineWatcher> logger
) : PollingWorker(scopes, clock, logger)
{
    private const int BatchSize = 100;

    protected override string Name => "deadline-timer";

    protected override TimeSpan Interval => options.Value.CheckInterval;

    protected override async Task<PollingRound> RunRoundAsync(CancellationToken ct) => PollingRound.OfBatch(await RunOnceAsync(ct), BatchSize);

    /// <summary>One batch of due cases, in one transaction; returns how many were looked at.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = Clock.GetUtcNow();
        // Ids first (EF cannot map the protected-value columns from raw SQL); the rows stay locked by this transaction.
        var ids = await db
            .Database.SqlQuery<Guid>(
                $"""
                SELECT id AS "Value" FROM cases
                WHERE next_check_at <= {now}
                ORDER BY next_check_at
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """
            )
            .ToListAsync(ct);
        var due = await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        foreach (var @case in due)
        {
            var warned = @case.Deadline.WarnedAt;
            var overdue = @case.Deadline.OverdueAt;
            if (!@case.Tick(deadlines, now))
            {
                continue;
            }

            if (warned is null && @case.Deadline.WarnedAt is not null)
            {
                db.Notifications.AddRange(
                    await Recipients.ForHandlerAsync(
                        db,
                        @case,
                        "Warning",
                        $"案件 {@case.Number} 将于 {@case.Deadline.DueAt:yyyy-MM-dd HH:mm} (UTC) 到期，请抓紧办理。",
                        now,
                        ct
                    )
                );
            }

            if (overdue is null && @case.Deadline.OverdueAt is not null)
            {
                // 考核: the rule's penalty, against the level the case was dispatched to and its handler.
                foreach (var item in AssessmentItem.ForOverdue(@case, assessment.Value.OverduePenalty, now))
                {
                    db.AssessmentItems.Add(item);
                }

                db.Notifications.AddRange(
                    await Recipients.ForHandlerAsync(db, @case, "Overdue", $"案件 {@case.Number} 已超期，已提请{@case.SupervisingLevel}督办。", now, ct)
                );
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return due.Count;
    }
}
