using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;
using Platform.Workflow.Deadlines;

namespace Platform.Workflow.Approvals;

/// <summary>Extensions (延期) and deferrals (缓办): the handler asks, the level above decides, both before the deadline.</summary>
public static class ApprovalsApi
{
    public static RouteGroupBuilder MapApprovalsApi(this RouteGroupBuilder api)
    {
        var onCase = api.MapGroup("/cases/{id:guid}/approvals")
            .WithTags("Extensions and deferrals")
            .OnAnyRecord(CaseAccess.CadresSuperviseEveryCase, Roles.SubdistrictCadre);
        onCase
            .MapPost("/", Ask)
            .WithName("AskForApproval")
            .Idempotent()
            .Refuses(403, "not-case-handler")
            .Refuses(409, "case-not-dispatched")
            .Allow(Roles.Staff)
            .WithDescription(
                "The handler asks for an Extension (workingDays, 1–30) or a Deferral, with a reason, before the deadline. One open request per case."
            )
            .Refuses(400, "invalid-kind")
            .Refuses(404, "case-not-found")
            .Refuses(409, "approval-pending", "case-not-in-hand")
            .Refuses(400, "invalid-working-days");
        onCase.MapGet("/", ListForCase).WithName("ListCaseApprovals").Allow(Roles.Staff).Refuses(404, "case-not-found");

        var approvals = api.MapGroup("/approvals")
            .WithTags("Extensions and deferrals")
            .OnAnyRecord(CaseAccess.CadresSuperviseEveryCase, Roles.SubdistrictCadre);
        approvals
            .MapGet("/", List)
            .WithName("ListApprovals")
            .Allow(Roles.Organizers)
            .WithDescription("Requests on the cases the caller can see; status=Pending is the approver's queue.")
            .Refuses(400, "invalid-page", "invalid-page-size", "invalid-status");
        approvals
            .MapPost("/{approvalId:guid}/decision", Decide)
            .WithName("DecideApproval")
            .Refuses(403, "not-case-approver")
            .Allow(Roles.Organizers)
            .WithDescription("approve=true extends or defers the case (only before its deadline); false refuses. The level above the handler decides.")
            .Refuses(400, "decision-required")
            .Refuses(404, "approval-not-found")
            .Refuses(409, "approval-decided", "deadline-passed")
            .Refuses(400, "invalid-note");
        return api;
    }

    public static async Task<Results<Created<ApprovalResponse>, ProblemHttpResult>> Ask(
        Guid id,
        ApprovalRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!EnumInput.Parse<ApprovalKind>(request.Kind, "kind").TryGet(out var kind, out var kindError))
        {
            return Problems.From(kindError);
        }

        var found = await CasesApi.FindVisibleAsync(db, id, caller, tracked: false, ct);
        if (found is null)
        {
            return Problems.NotFound("case", id);
        }

        if (CaseAccess.Handle(caller, found) is { } refused)
        {
            return Problems.From(refused);
        }

        if (await db.Approvals.AnyAsync(a => a.CaseId == id && a.Status == ApprovalStatus.Pending, ct))
        {
            return Problems.From(DomainError.Conflict("approval-pending", $"Case {found.Number} already has a request waiting for a decision."));
        }

        if (!CaseApproval.Request(found, kind, request.WorkingDays, request.Reason, Actor.Of(caller), clock.GetUtcNow()).TryGet(out var asked, out var error))
        {
            return Problems.From(error);
        }

        db.Approvals.Add(asked);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workflow/approvals/{asked.Id}", ApprovalResponse.From(asked, found, caller));
    }

    public static async Task<Results<Ok<List<ApprovalResponse>>, ProblemHttpResult>> ListForCase(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        CancellationToken ct
    )
    {
        var found = await CasesApi.FindVisibleAsync(db, id, caller, tracked: false, ct);
        if (found is null)
        {
            return Problems.NotFound("case", id);
        }

        var approvals = await db.Approvals.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.RequestedAt).ToListAsync(ct);
        return TypedResults.Ok(approvals.Select(a => ApprovalResponse.From(a, found, caller)).ToList());
    }

    public static async Task<Results<Ok<Page<ApprovalResponse>>, ProblemHttpResult>> List(
        Caller caller,
        WorkflowDbContext db,
        [OneOf<ApprovalStatus>] string? status,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var wanted = EnumInput.ParseOptional<ApprovalStatus>(status, "status");
        if ((paging.Error ?? wanted.Error) is { } error)
        {
            return Problems.From(error);
        }

        var visible = db.Cases.AsNoTracking().VisibleTo(caller, Case.Scope).Select(c => c.Id);
        var query = db.Approvals.AsNoTracking().Where(a => visible.Contains(a.CaseId));
        query = wanted.Value is { } s ? query.Where(a => a.Status == s) : query;
        var listed = await query.OrderBy(a => a.RequestedAt).ToPageAsync(paging.Value, a => a, ct);
        var ids = listed.Items.Select(a => a.CaseId).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        return TypedResults.Ok(
            new Page<ApprovalResponse>(
                [.. listed.Items.Select(a => ApprovalResponse.From(a, cases[a.CaseId], caller))],
                listed.PageNumber,
                listed.PageSize,
                listed.TotalCount
            )
        );
    }

    public static async Task<Results<Ok<ApprovalResponse>, ProblemHttpResult>> Decide(
        Guid approvalId,
        DecisionRequest request,
        Caller caller,
        WorkflowDbContext db,
        DeadlinePolicy deadlines,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (request.Approve is not { } approve)
        {
            return Problems.From(DomainError.Invalid("approve", "decision-required", "Say whether the request is approved (approve: true or false)."));
        }

        var approval = await db.Approvals.FirstOrDefaultAsync(a => a.Id == approvalId, ct);
        var found = approval is null ? null : await CasesApi.FindVisibleAsync(db, approval.CaseId, caller, tracked: true, ct);
        if (approval is null || found is null)
        {
            return Problems.NotFound("approval", approvalId);
        }

        if ((CaseAccess.Approve(caller, found) ?? approval.Decide(found, approve, request.Note, deadlines, Actor.Of(caller), clock.GetUtcNow())) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ApprovalResponse.From(approval, found, caller));
    }
}
