using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Grid;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;
using Platform.Workflow.Grids;

namespace Platform.Workflow.Visits;

/// <summary>
/// A visit that found a problem (<see cref="VisitLogged.RaisesCase"/>) becomes a case from channel Visit, through
/// the same intake as every other channel, reported by the visitor. Once per visit: the inbox and the case's
/// unique source (visit:{id}) both see to it. A category this service does not know becomes "other", with
/// the visit's word kept in the description; a grid it has not heard of yet leaves the case in the visit's community.
/// </summary>
public sealed class VisitLoggedConsumer(WorkflowDbContext db, CaseIntake intake, TimeProvider clock, ILogger<VisitLoggedConsumer> logger)
    : IdempotentConsumer<VisitLogged, WorkflowDbContext>(db, clock, logger)
{
    public const string FallbackCategory = "other";

    protected override async Task HandleAsync(VisitLogged message, CancellationToken cancellationToken)
    {
        var source = $"visit:{message.VisitId}";
        if (!message.RaisesCase)
        {
            return;
        }

        // One case per visit: two events of one visit at once (logged, then corrected) take turns, and the second finds the case.
        await Db.Database.LockUntilCommitAsync(source, cancellationToken);
        if (await Db.Cases.AnyAsync(c => c.SourceRef == source, cancellationToken))
        {
            return;
        }

        var visitor = await Db.People.AsNoTracking().Where(p => p.Id == message.VisitorPersonId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        var report = new ReportCase
        {
            Category = message.CaseCategory ?? FallbackCategory,
            Description = Trim(Describe(message, null)),
            Channel = CaseChannel.Visit,
            Location = Spatial.OptionalPoint(message.Latitude, message.Longitude).Value,
            GridId = message.GridId,
            BuildingId = message.BuildingId,
            CommunityId = message.CommunityId,
            ReporterPersonId = message.VisitorPersonId,
            SourceRef = source,
        };
        var actor = new Actor($"person:{message.VisitorPersonId}", visitor ?? "走访干部", message.VisitorPersonId);

        // Intake is the judge of what it knows; a visit is taken in whatever this service has heard of so far: a category
        // it does not know becomes "other" (the visit's word kept in the description), a grid or building it has not
        // heard of yet is left out (the case stays in the visit's community).
        for (var attempt = 0; ; attempt++)
        {
            if ((await intake.TakeInAsync(report, actor, cancellationToken)).Error is not { } error)
            {
                return;
            }

            report = (error.Code, attempt < 3) switch
            {
                ("unknown-category", true) => report with { Category = FallbackCategory, Description = Trim(Describe(message, $"[{message.CaseCategory}] ")) },
                ("unknown-grid", true) => report with { GridId = null },
                ("unknown-building", true) => report with { BuildingId = null },
                // Nothing else is refused of what the Grid service sends.
                _ => throw new InvalidOperationException($"Visit {message.VisitId} could not be taken in as a case: {error.Code}: {error.Message}"),
            };
        }
    }

    private static string Describe(VisitLogged message, string? prefix) =>
        message.FollowUp is { Length: > 0 } followUp ? $"{prefix}{message.Findings}\n{followUp}" : $"{prefix}{message.Findings}";

    private static string Trim(string text) => text.Length <= Case.MaxDescriptionLength ? text : text[..Case.MaxDescriptionLength];
}
