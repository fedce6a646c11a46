using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grid;
using Platform.ServiceDefaults.Messaging;
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
        if (!message.RaisesCase || await Db.Cases.AnyAsync(c => c.SourceRef == source, cancellationToken))
        {
            return;
        }

        var known = message.CaseCategory is { } code && await Db.Categories.AnyAsync(c => c.Code == code && c.Active, cancellationToken);
        var description = known || message.CaseCategory is null ? message.Findings : $"[{message.CaseCategory}] {message.Findings}";
        if (message.FollowUp is { Length: > 0 } followUp)
        {
            description = $"{description}\n{followUp}";
        }

        var visitor = await Db.People.AsNoTracking().Where(p => p.Id == message.VisitorPersonId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        var point = Spatial.OptionalPoint(message.Latitude, message.Longitude).Value;
        var gridKnown = await Db.KnownGrids.AnyAsync(g => g.Id == message.GridId && g.Status == "Active", cancellationToken);
        var buildingKnown = message.BuildingId is { } building && await Db.Buildings.AnyAsync(b => b.Id == building, cancellationToken);
        var taken = await intake.TakeInAsync(
            new Intake(known ? message.CaseCategory : FallbackCategory, Trim(description), CaseChannel.Visit, CasePriority.Normal, point,
                gridKnown ? message.GridId : null, buildingKnown ? message.BuildingId : null, null, null, null, null, null, message.VisitorPersonId, source, message.CommunityId),
            new Actor($"person:{message.VisitorPersonId}", visitor ?? "走访干部", message.VisitorPersonId), cancellationToken);
        if (taken.Error is { } error)
        {
            // Intake refuses only what the Grid service would never send (an inactive category was mapped above).
            throw new InvalidOperationException($"Visit {message.VisitId} could not be taken in as a case: {error.Code}: {error.Message}");
        }
    }

    private static string Trim(string text) => text.Length <= Case.MaxDescriptionLength ? text : text[..Case.MaxDescriptionLength];
}
