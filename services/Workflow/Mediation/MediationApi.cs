using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.BuildingBlocks.Time;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;

namespace Platform.Workflow.Mediation;

/// <summary>
/// The steps of the special case types: dispute mediation (矛盾纠纷调处: parties, sessions, agreement or referral,
/// follow-up visit) and tripartite coordination (三方协调: the community, the homeowners' committee and the property
/// company meet and agree who does what). Each step goes through the case type's own state machine.
/// </summary>
public static class MediationApi
{
    public static RouteGroupBuilder MapMediationApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").OnAnyRecord(CaseAccess.CadresSuperviseEveryCase, Roles.SubdistrictCadre);
        var mediation = cases.MapGroup("/mediation").WithTags("Dispute mediation");
        mediation
            .MapPost("/parties", AddParty)
            .WithName("AddDisputeParty")
            .Refuses(403, "not-case-handler")
            .Refuses(409, "case-not-dispatched")
            .Allow(Roles.Staff)
            .WithDescription("A party to the dispute: Applicant, Respondent or Other, with name and phone (protected, shown masked).")
            .Refuses(404, "case-not-found")
            .Refuses(400, "invalid-party-name")
            .Refuses(409, "not-a-mediation");
        mediation
            .MapPost("/start", StartMediation)
            .WithName("StartMediation")
            .IsStep(CaseAction.StartMediation)
            .Allow(Roles.Staff)
            .Refuses(404, "case-not-found");
        mediation
            .MapPost("/sessions", HoldSession)
            .WithName("HoldMediationSession")
            .IsStep(CaseAction.HoldSession)
            .Allow(Roles.Staff)
            .WithDescription("A session held (heldAt, attendees, summary); the applicant and the respondent must be on record.")
            .Refuses(404, "case-not-found")
            .Refuses(409, "parties-required")
            .Refuses(400, "attendees-required", "invalid-summary", "meeting-in-future");
        mediation
            .MapPost("/agreement", Agree)
            .WithName("RecordMediationAgreement")
            .IsStep(CaseAction.Agree)
            .Allow(Roles.Staff)
            .WithDescription("调解协议: the terms agreed, after at least one session; the agreement is the case's result.")
            .Refuses(400, "party-not-on-record", "undertaking-required")
            .Refuses(404, "case-not-found")
            .Refuses(409, "meeting-required", "wrong-case-type");
        mediation
            .MapPost("/referral", Refer)
            .WithName("ReferDispute")
            .IsStep(CaseAction.Refer)
            .Allow(Roles.Staff)
            .WithDescription("Mediation could not settle it: where it goes (to) and why; the referral is the case's result.")
            .Refuses(400, "reason-required")
            .Refuses(404, "case-not-found")
            .Refuses(400, "referral-target-required");
        mediation
            .MapPost("/follow-up", FollowUp)
            .WithName("FollowUpMediation")
            .IsStep(CaseAction.FollowUp)
            .Allow(Roles.AreaStaff)
            .WithDescription("回访: kept=true moves the case to Verified; kept=false (the agreement is not kept) reopens it (返工).")
            .Refuses(400, "follow-up-result-required")
            .Refuses(404, "case-not-found")
            .Refuses(400, "invalid-note");

        var coordination = cases.MapGroup("/coordination").WithTags("Tripartite coordination");
        coordination.MapPost("/start", Convene).WithName("ConveneCoordination").IsStep(CaseAction.Convene).Allow(Roles.Staff).Refuses(404, "case-not-found");
        coordination
            .MapPost("/meetings", HoldMeeting)
            .WithName("HoldCoordinationMeeting")
            .IsStep(CaseAction.HoldMeeting)
            .Allow(Roles.Staff)
            .WithDescription("A meeting of the three: the community's, the homeowners' committee's and the property company's representatives, and a summary.")
            .Refuses(400, "three-parties-required")
            .Refuses(404, "case-not-found")
            .Refuses(400, "attendees-required", "invalid-summary", "meeting-in-future");
        coordination
            .MapPost("/tasks/{taskId:guid}/done", CompleteTask)
            .WithName("CompleteCoordinationTask")
            .Refuses(403, "not-case-handler")
            .Refuses(409, "case-not-dispatched")
            .Allow(Roles.Staff)
            .WithDescription(
                "Records that a party did its agreed task, with the outcome; a task past its date and not done shows as "
                    + "Overdue in the case's records, and the closing says how many were done."
            )
            .Refuses(400, "outcome-required")
            .Refuses(404, "case-not-found", "task-not-found")
            .Refuses(409, "task-done")
            .Refuses(409, "case-voided");
        coordination
            .MapPost("/agreement", AgreeTasks)
            .WithName("RecordCoordinationAgreement")
            .IsStep(CaseAction.Agree)
            .Allow(Roles.Staff)
            .WithDescription("三方协议: the terms and who does what (tasks: party Community, HomeownersCommittee or PropertyCompany, task, dueDate).")
            .Refuses(400, "tasks-required")
            .Refuses(404, "case-not-found")
            .Refuses(400, "tasks-not-allowed");

        cases
            .MapGet("/records", Records)
            .WithName("CaseTypeRecords")
            .WithTags("Dispute mediation", "Tripartite coordination")
            .AllowSignedIn()
            .Refuses(404, "case-not-found");
        api.MapGet("/coordination-tasks", ListTasks)
            .WithName("ListCoordinationTasks")
            .WithTags("Tripartite coordination")
            .Allow(Roles.Staff)
            .WithDescription("The agreed tasks of the tripartite cases the caller sees, across cases: status=Overdue lists those past their date and not done.")
            .Refuses(400, "invalid-page", "invalid-page-size", "invalid-status");
        return api;
    }

    public static async Task<Results<Ok<Page<CoordinationTaskListItem>>, ProblemHttpResult>> ListTasks(
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        [OneOf<CaseTaskStatus>] string? status,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var wanted = EnumInput.ParseOptional<CaseTaskStatus>(status, "status");
        if ((paging.Error ?? wanted.Error) is { } error)
        {
            return Problems.From(error);
        }

        var today = clock.Today();
        var visible = db.Cases.AsNoTracking().VisibleTo(caller, Case.Scope);
        var tasks = from t in db.Set<CaseTask>().AsNoTracking() join c in visible on t.CaseId equals c.Id select new { Task = t, c.Number };
        tasks = wanted.Value switch
        {
            CaseTaskStatus.Done => tasks.Where(x => x.Task.DoneAt != null),
            CaseTaskStatus.Overdue => tasks.Where(x => x.Task.DoneAt == null && x.Task.DueDate < today),
            CaseTaskStatus.Open => tasks.Where(x => x.Task.DoneAt == null && (x.Task.DueDate == null || x.Task.DueDate >= today)),
            _ => tasks,
        };
        return TypedResults.Ok(
            await tasks
                .OrderBy(x => x.Task.DueDate == null)
                .ThenBy(x => x.Task.DueDate)
                .ThenBy(x => x.Task.Id)
                .ToPageAsync(paging.Value, x => new CoordinationTaskListItem(x.Task.CaseId, x.Number, CaseTaskResponse.From(x.Task, today)), ct)
        );
    }

    /// <summary>The case and the caller's part in it are checked before the party's details are read.</summary>
    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> AddParty(
        Guid id,
        PartyRequest request,
        Caller caller,
        WorkflowDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        CaseActionsApi.ActAsync(
            db,
            id,
            caller,
            CaseAccess.Handle,
            c =>
            {
                if (!EnumInput.Parse<PartyRole>(request.Role, "role").TryGet(out var role, out var roleError))
                {
                    return Task.FromResult<DomainError?>(roleError);
                }

                if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > CaseParty.MaxNameLength)
                {
                    return Task.FromResult<DomainError?>(
                        DomainError.Invalid("name", "invalid-party-name", $"name is required and at most {CaseParty.MaxNameLength} characters.")
                    );
                }

                ProtectedValue? phone = null;
                if (request.Phone is not null)
                {
                    if (!PhoneNumber.Parse(request.Phone).TryGet(out var parsed, out var phoneError))
                    {
                        return Task.FromResult<DomainError?>(phoneError);
                    }

                    phone = protector.Protect(parsed.Value, Mask.Phone);
                }

                var name = protector.Protect(request.Name.Trim(), Mask.Name);
                return Task.FromResult(c.AddParty(role, name, phone, clock.GetUtcNow()));
            },
            ct
        );

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> StartMediation(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        CaseActionsApi.ActAsync(
            db,
            id,
            caller,
            CaseAccess.For(CaseAction.StartMediation),
            c => Task.FromResult(c.StartMediation(Actor.Of(caller), clock.GetUtcNow())),
            ct
        );

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> HoldSession(
        Guid id,
        SessionRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var now = clock.GetUtcNow();
        return CaseActionsApi.ActAsync(
            db,
            id,
            caller,
            CaseAccess.For(CaseAction.HoldSession),
            c => Task.FromResult(c.HoldSession(Actor.Of(caller), request.HeldAt ?? now, request.Attendees, request.Summary, now)),
            ct
        );
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Agree(
        Guid id,
        MediationAgreementRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        CaseActionsApi.ActAsync(
            db,
            id,
            caller,
            CaseAccess.For(CaseAction.Agree),
            c =>
            {
                if (c.Type != CaseType.Mediation)
                {
                    return Task.FromResult<DomainError?>(WrongType(c, CaseType.Mediation));
                }

                var undertakings = new List<(PartyRole, string?)>();
                foreach (var undertaking in request.Undertakings ?? [])
                {
                    if (!EnumInput.Parse<PartyRole>(undertaking.Party, "undertakings.party").TryGet(out var party, out var error))
                    {
                        return Task.FromResult<DomainError?>(error);
                    }

                    undertakings.Add((party, undertaking.Undertakes));
                }

                return Task.FromResult(c.AgreeMediation(Actor.Of(caller), request.Terms, undertakings, clock.GetUtcNow()));
            },
            ct
        );

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Refer(
        Guid id,
        ReferralRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        CaseActionsApi.ActAsync(
            db,
            id,
            caller,
            CaseAccess.For(CaseAction.Refer),
            c => Task.FromResult(c.Refer(Actor.Of(caller), request.To, request.Reason, clock.GetUtcNow())),
            ct
        );

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> FollowUp(
        Guid id,
        FollowUpRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (request.Kept is not { } kept)
        {
            return Problems.From(DomainError.Invalid("kept", "follow-up-result-required", "Say whether the agreement is kept (kept: true or false)."));
        }

        return await CaseActionsApi.ActAsync(
            db,
            id,
            caller,
            CaseAccess.For(CaseAction.FollowUp),
            c => Task.FromResult(c.FollowUp(Actor.Of(caller), kept, request.Note, clock.GetUtcNow())),
            ct
        );
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Convene(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => CaseActionsApi.ActAsync(db, id, caller, CaseAccess.For(CaseAction.Convene), c => Task.FromResult(c.Convene(Actor.Of(caller), clock.GetUtcNow())), ct);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> HoldMeeting(
        Guid id,
        MeetingRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var now = clock.GetUtcNow();
        return CaseActionsApi.ActAsync(
            db,
            id,
            caller,
            CaseAccess.For(CaseAction.HoldMeeting),
            c =>
                Task.FromResult(
                    c.HoldMeeting(
                        Actor.Of(caller),
                        request.HeldAt ?? now,
                        request.Community,
                        request.HomeownersCommittee,
                        request.PropertyCompany,
                        request.Summary,
                        now
                    )
                ),
            ct
        );
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> CompleteTask(
        Guid id,
        Guid taskId,
        TaskDoneRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        CaseActionsApi.ActAsync(
            db,
            id,
            caller,
            CaseAccess.Handle,
            c =>
                Task.FromResult(
                    c.Type == CaseType.Tripartite
                        ? c.CompleteTask(taskId, Actor.Of(caller), request.Outcome, clock.GetUtcNow())
                        : WrongType(c, CaseType.Tripartite)
                ),
            ct
        );

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> AgreeTasks(
        Guid id,
        AgreementRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        CaseActionsApi.ActAsync(
            db,
            id,
            caller,
            CaseAccess.Handle,
            c =>
                Task.FromResult(
                    c.Type == CaseType.Tripartite
                        ? c.Agree(Actor.Of(caller), request.Terms, request.Tasks, clock.GetUtcNow())
                        : WrongType(c, CaseType.Tripartite)
                ),
            ct
        );

    public static async Task<Results<Ok<CaseRecordsResponse>, ProblemHttpResult>> Records(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var found = await CasesApi.FindVisibleAsync(db, id, caller, tracked: false, ct);
        return found is null ? Problems.NotFound("case", id) : TypedResults.Ok(CaseRecordsResponse.From(found, clock.Today()));
    }

    private static DomainError WrongType(Case c, CaseType wanted) =>
        DomainError.Conflict("wrong-case-type", $"Case {c.Number} is a {c.Type} case; this step belongs to {wanted} cases.");
}
