using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Workflow.Data;

namespace Platform.Workflow.Attachments;

/// <summary>
/// Deletes photos uploaded for a report that never came (older than <see cref="PhotoLimits.PendingLifetime"/>), once an
/// hour. Safe in every replica at once: each run is one DELETE of rows nobody else can still name.
/// </summary>
public sealed class PendingPhotoSweeper(IServiceScopeFactory scopes, IOptions<PhotoLimits> limits, TimeProvider clock, ILogger<PendingPhotoSweeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var before = clock.GetUtcNow() - limits.Value.PendingLifetime;
        var deleted = await db.CasePhotos.Where(p => p.CaseId == null && p.UploadedAt < before).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} photos uploaded before {Before} and never named by a report", deleted, before);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The pending-photo sweep failed; it runs again in {Interval}", Interval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
