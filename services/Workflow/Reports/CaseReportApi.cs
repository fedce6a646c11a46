using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;

namespace Platform.Workflow.Reports;

/// <summary>
/// The loop's quality figures for cases reported in a period: how many were voided, returned, extended,
/// deferred, reopened, overdue and escalated, and their shares (the standards ask that returns, voids,
/// extensions and deferrals stay a small share). Shares are of the cases reported (voids) or dispatched (the rest); null when there were none.
/// </summary>
public sealed record CaseReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int Reported,
    int Voided,
    int Registered,
    int Dispatched,
    int Resolved,
    int Closed,
    int Open,
    int OverdueNow,
    int EverOverdue,
    int Escalated,
    int Returned,
    int Returns,
    int Extended,
    int Deferred,
    int Reopened,
    double? VoidShare,
    double? ReturnShare,
    double? ExtensionShare,
    double? DeferralShare,
    double? ReworkShare
);

public static class CaseReportApi
{
    public static RouteGroupBuilder MapCaseReportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cases/report", Report)
            .WithName("CaseReport")
            .WithTags("Cases")
            .Allow(Roles.Staff)
            .WithDescription(
                "For cases reported in [from, to) that the caller can see, optionally one community or grid: counts and shares "
                    + "of voids, returns, extensions, deferrals and rework."
            )
            .Refuses(400, "invalid-period");
        return api;
    }

    public static async Task<Results<Ok<CaseReport>, ProblemHttpResult>> Report(
        Caller caller,
        WorkflowDbContext db,
        DateTimeOffset? from,
        DateTimeOffset? to,
        Guid? communityId,
        Guid? gridId,
        CancellationToken ct
    )
    {
        if (from is not { } start || to is not { } end || end <= start)
        {
            return Problems.From(DomainError.Invalid("to", "invalid-period", "Give the period as from and to (to after from)."));
        }

        var query = db.Cases.AsNoTracking().VisibleTo(caller, Case.Scope).Where(c => c.ReportedAt >= start && c.ReportedAt < end);
        query = communityId is { } community ? query.Where(c => c.CommunityId == community) : query;
        query = gridId is { } grid ? query.Where(c => c.GridId == grid) : query;
        var figures = await query
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Reported = g.Count(),
                Voided = g.Count(c => c.State == CaseState.Voided),
                Registered = g.Count(c => c.RegisteredAt != null),
                Dispatched = g.Count(c => c.FirstDispatchedAt != null),
                Resolved = g.Count(c => c.State == CaseState.Resolved || c.State == CaseState.Verified || c.State == CaseState.Closed),
                Closed = g.Count(c => c.State == CaseState.Closed),
                Open = g.Count(c => c.State != CaseState.Closed && c.State != CaseState.Voided),
                EverOverdue = g.Count(c => c.TimesOverdue > 0),
                Escalated = g.Count(c => c.Escalations > 0),
                Returned = g.Count(c => c.Returns > 0),
                Returns = g.Sum(c => c.Returns),
                Extended = g.Count(c => c.Extensions > 0),
                Deferred = g.Count(c => c.Deferrals > 0),
                Reopened = g.Count(c => c.Reopens > 0),
            })
            .SingleOrDefaultAsync(ct); // one group, or none when no case matches

        if (figures is null)
        {
            return TypedResults.Ok(new CaseReport(start, end, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null, null, null, null));
        }

        // Counted apart: a grouping's aggregate does not reach into the case's deadline clock (an owned type).
        var overdueNow = await query.CountAsync(c => c.Deadline.OverdueAt != null && (c.State == CaseState.Dispatched || c.State == CaseState.Accepted), ct);
        double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        return TypedResults.Ok(
            new CaseReport(
                start,
                end,
                figures.Reported,
                figures.Voided,
                figures.Registered,
                figures.Dispatched,
                figures.Resolved,
                figures.Closed,
                figures.Open,
                overdueNow,
                figures.EverOverdue,
                figures.Escalated,
                figures.Returned,
                figures.Returns,
                figures.Extended,
                figures.Deferred,
                figures.Reopened,
                Share(figures.Voided, figures.Reported),
                Share(figures.Returned, figures.Dispatched),
                Share(figures.Extended, figures.Dispatched),
                Share(figures.Deferred, figures.Dispatched),
                Share(figures.Reopened, figures.Dispatched)
            )
        );
    }
}
