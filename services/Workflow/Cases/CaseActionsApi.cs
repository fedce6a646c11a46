using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Data;
using Platform.Workflow.Deadlines;
using Platform.Workflow.Notifications;
using Platform.Workflow.Routing;

namespace Platform.Workflow.Cases;

/// <summary>
/// The steps of the loop, one endpoint each. Every one loads the case the caller can see (else 404), checks
/// that the caller is the one to take this step (else 403 naming who is), lets the case apply it (else 409
/// naming the state), and saves the case, its step record, its events and notifications in one transaction.
/// </summary>
public static class CaseActionsApi
{
    public static RouteGroupBuilder MapCaseActionsApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases/{id:guid}").WithTags("Case steps").OnAnyRecord(CaseAccess.CadresSuperviseEveryCase, Roles.SubdistrictCadre);
        cases
            .MapPost("/register", Register)
            .WithName("RegisterCase")
            .IsStep(CaseAction.Register)
            .Allow(Roles.Organizers)
            .WithDescription(
                "立案: files the intake as a case; the priority and the type (General, Mediation, Tripartite; default: the category's) may be set here."
            )
            .Refuses(400, "invalid-priority", "invalid-type")
            .Refuses(404, "case-not-found");
        cases
            .MapPost("/void", Void)
            .WithName("VoidCase")
            .IsStep(CaseAction.Void)
            .Allow(Roles.Organizers)
            .WithDescription("作废, with a reason.")
            .Refuses(404, "case-not-found");
        cases
            .MapPost("/merge", Merge)
            .WithName("MergeCase")
            .Allow(Roles.Organizers)
            .Refuses(403, "not-case-operator")
            .WithDescription("Voids this case as a duplicate of another open case (into), whose reporters then include this one's.")
            .Refuses(400, "merge-into-itself")
            .Refuses(404, "case-not-found")
            .Refuses(400, "merge-target-required", "unknown-case")
            .Refuses(409, "merge-target-final");
        cases
            .MapPost("/dispatch", Dispatch)
            .WithName("DispatchCase")
            .IsStep(CaseAction.Dispatch)
            .Allow(Roles.Organizers)
            .WithDescription(
                "分流交办: without a body (or without level) by the dispatch rules; or to a level given by hand (Department needs "
                    + "department). The deadline is set from the category and priority."
            )
            .Refuses(400, "invalid-level")
            .Refuses(404, "case-not-found")
            .Refuses(400, "department-required", "level-not-located");
        cases
            .MapPost("/return", Return)
            .WithName("ReturnCase")
            .IsStep(CaseAction.Return)
            .Allow(Roles.Staff)
            .WithDescription("回退: the handler says it is not theirs, with a reason; back to dispatch.")
            .Refuses(400, "reason-required")
            .Refuses(404, "case-not-found");
        cases.MapPost("/accept", Accept).WithName("AcceptCase").Idempotent().IsStep(CaseAction.Accept).Allow(Roles.Staff).Refuses(404, "case-not-found");
        cases
            .MapPost("/progress", Progress)
            .WithName("RecordCaseProgress")
            .Allow(Roles.Staff)
            .Refuses(403, "not-case-handler")
            .Refuses(409, "case-not-dispatched")
            .Refuses(404, "case-not-found");
        cases
            .MapPost("/resolve", Resolve)
            .WithName("ResolveCase")
            .Idempotent()
            .IsStep(CaseAction.Resolve)
            .Allow(Roles.Staff)
            .WithDescription("The handler's result (text).")
            .Refuses(404, "case-not-found");
        cases
            .MapPost("/reply", Reply)
            .WithName("ReplyToReporters")
            .Idempotent()
            .IsStep(CaseAction.Reply)
            .Allow(Roles.Staff)
            .WithDescription(
                "答复反馈: the reply goes to every reporter who can be reached (app inbox, or SMS when a provider is configured); the sending is recorded."
            )
            .Refuses(404, "case-not-found");
        cases
            .MapPost("/rating", Rate)
            .WithName("RateCase")
            .Idempotent()
            .AllowSignedIn()
            .Refuses(403, "not-case-reporter")
            .WithDescription(
                "The reporter (or an operator for a reporter on the phone) rates the reply: Satisfied, BasicallySatisfied or "
                    + "Dissatisfied, and may say whether it was resolved (resolved: true or false). Dissatisfied reopens the case "
                    + "(返工)."
            )
            .Refuses(400, "invalid-rating")
            .Refuses(404, "case-not-found")
            .Refuses(400, "invalid-comment")
            .Refuses(409, "not-replied");
        cases
            .MapPost("/verification", Verify)
            .WithName("VerifyCase")
            .Idempotent()
            .IsStep(CaseAction.Verify)
            .Allow(Roles.AreaStaff)
            .WithDescription("核查 on site: passed moves it to Verified; not passed reopens it (返工).")
            .Refuses(400, "verification-result-required")
            .Refuses(404, "case-not-found")
            .Refuses(400, "invalid-note");
        cases
            .MapPost("/close", Close)
            .WithName("CloseCase")
            .IsStep(CaseAction.Close)
            .Allow(Roles.Organizers)
            .WithDescription("结案, after verification and the reply.")
            .Refuses(404, "case-not-found")
            .Refuses(409, "reply-required");
        cases
            .MapPost("/escalate", Escalate)
            .WithName("EscalateCase")
            .IsStep(CaseAction.Escalate)
            .Allow(Roles.SubdistrictAdmin, Roles.SubdistrictCadre)
            .WithDescription("督办 by hand: puts the case under the next level's supervision.")
            .Refuses(404, "case-not-found")
            .Refuses(409, "escalation-at-top");
        cases
            .MapPost("/resume", Resume)
            .WithName("ResumeCase")
            .IsStep(CaseAction.Resume)
            .Allow(Roles.Staff)
            .WithDescription("Back in hand after 缓办: the deadline moves by the paused time.")
            .Refuses(404, "case-not-found");
        return api;
    }

    /// <summary>
    /// Declares an endpoint as a step of the loop: it refuses a caller whose step it is not (<see cref="CaseAccess.Refusals"/>)
    /// and a case whose state does not allow it (409 invalid-case-transition).
    /// </summary>
    internal static RouteHandlerBuilder IsStep(this RouteHandlerBuilder endpoint, CaseAction step)
    {
        foreach (var (status, code) in CaseAccess.Refusals(step))
        {
            endpoint.Refuses(status, code);
        }

        return endpoint.Refuses(409, "invalid-case-transition");
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Register(
        Guid id,
        RegisterRequest? request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var priority = EnumInput.ParseOptional<CasePriority>(request?.Priority, "priority");
        var type = EnumInput.ParseOptional<CaseType>(request?.Type, "type");
        if ((priority.Error ?? type.Error) is { } error)
        {
            return Problems.From(error);
        }

        return await ActAsync(
            db,
            id,
            caller,
            CaseAccess.For(CaseAction.Register),
            async c =>
            {
                var defaultType = await db.Categories.Where(k => k.Code == c.Category).Select(k => k.DefaultType).FirstAsync(ct);
                return c.Register(Actor.Of(caller), clock.GetUtcNow(), priority.Value, type.Value ?? defaultType);
            },
            ct
        );
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Void(
        Guid id,
        ReasonRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ActAsync(db, id, caller, CaseAccess.For(CaseAction.Void), c => c.Void(Actor.Of(caller), request.Reason, clock.GetUtcNow()), ct);

    /// <summary>The case in the path is found and checked first; the one it merges into only then.</summary>
    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Merge(
        Guid id,
        MergeRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        ActAsync(
            db,
            id,
            caller,
            CaseAccess.Operate,
            async c =>
            {
                if (request.Into is not { } into)
                {
                    return DomainError.Invalid("into", "merge-target-required", "Name the case to merge into (into).");
                }

                return await CasesApi.FindVisibleAsync(db, into, caller, tracked: true, ct) is { } original
                    ? c.MergeInto(original, Actor.Of(caller), clock.GetUtcNow())
                    : DomainError.Invalid("into", "unknown-case", $"No case {into} that you can see.");
            },
            ct
        );

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Dispatch(
        Guid id,
        DispatchRequest? request,
        Caller caller,
        WorkflowDbContext db,
        DeadlinePolicy deadlines,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!EnumInput.ParseOptional<HandlerLevel>(request?.Level, "level").TryGet(out var level, out var error))
        {
            return Problems.From(error);
        }

        return await ActAsync(
            db,
            id,
            caller,
            CaseAccess.For(CaseAction.Dispatch),
            async c =>
            {
                var route = level is { } byHand
                    ? new CaseRoute(
                        byHand,
                        request?.Department?.Trim(),
                        null,
                        $"dispatched by hand to {byHand}{(byHand == HandlerLevel.Department ? " " + request?.Department : "")}"
                    )
                    : await Dispatcher.RouteAsync(db, c.Category, c.GridId, c.CommunityId, ct);
                if (route.Level == HandlerLevel.Grid && c.GridId is null || route.Level == HandlerLevel.Community && c.CommunityId is null)
                {
                    return DomainError.Invalid(
                        "level",
                        "level-not-located",
                        $"Case {c.Number} is not located in a {route.Level.ToString().ToLowerInvariant()}; dispatch it to a higher level or a department."
                    );
                }

                var days = await db.Categories.Where(k => k.Code == c.Category).Select(k => k.WorkingDays).FirstAsync(ct);
                var now = clock.GetUtcNow();
                if (c.Dispatch(route, days, deadlines, Actor.Of(caller), now) is { } refused)
                {
                    return refused;
                }

                // Whoever now handles it hears at once (the phone's inbox updates live).
                db.Notifications.AddRange(
                    await Recipients.ForHandlerAsync(
                        db,
                        c,
                        "Assigned",
                        $"新派遣案件 {c.Number}：{(c.Description.Length > 60 ? c.Description[..60] + "…" : c.Description)}",
                        now,
                        ct
                    )
                );
                return null;
            },
            ct
        );
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Return(
        Guid id,
        ReasonRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ActAsync(db, id, caller, CaseAccess.For(CaseAction.Return), c => c.Return(Actor.Of(caller), request.Reason, clock.GetUtcNow()), ct);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Accept(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ActAsync(db, id, caller, CaseAccess.For(CaseAction.Accept), c => c.Accept(Actor.Of(caller), clock.GetUtcNow()), ct);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Progress(
        Guid id,
        TextRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ActAsync(db, id, caller, CaseAccess.Handle, c => c.Progress(Actor.Of(caller), request.Text, clock.GetUtcNow()), ct);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Resolve(
        Guid id,
        TextRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ActAsync(db, id, caller, CaseAccess.For(CaseAction.Resolve), c => c.Resolve(Actor.Of(caller), request.Text, clock.GetUtcNow()), ct);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Reply(
        Guid id,
        TextRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) =>
        ActAsync(
            db,
            id,
            caller,
            CaseAccess.For(CaseAction.Reply),
            c =>
            {
                var now = clock.GetUtcNow();
                if (c.SendReply(Actor.Of(caller), request.Text, now) is { } error)
                {
                    return error;
                }

                db.Notifications.AddRange(Recipients.ForReply(c, now));
                return null;
            },
            ct
        );

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Rate(
        Guid id,
        RatingRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!EnumInput.Parse<CaseRating>(request.Rating, "rating").TryGet(out var rating, out var error))
        {
            return Problems.From(error);
        }

        return await ActAsync(db, id, caller, CaseAccess.Rate, c => c.Rate(Actor.Of(caller), rating, request.Comment, clock.GetUtcNow(), request.Resolved), ct);
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Verify(
        Guid id,
        VerificationRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (request.Passed is not { } passed)
        {
            return Problems.From(
                DomainError.Invalid("passed", "verification-result-required", "Say whether the on-site check passed (passed: true or false).")
            );
        }

        return await ActAsync(db, id, caller, CaseAccess.For(CaseAction.Verify), c => c.Verify(Actor.Of(caller), passed, request.Note, clock.GetUtcNow()), ct);
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Close(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ActAsync(db, id, caller, CaseAccess.For(CaseAction.Close), c => c.Close(Actor.Of(caller), clock.GetUtcNow()), ct);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Escalate(
        Guid id,
        ReasonRequest request,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ActAsync(db, id, caller, CaseAccess.For(CaseAction.Escalate), c => c.Escalate(Actor.Of(caller), request.Reason, clock.GetUtcNow()), ct);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> Resume(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ActAsync(db, id, caller, CaseAccess.For(CaseAction.Resume), c => c.Resume(Actor.Of(caller), clock.GetUtcNow()), ct);

    private static Task<Results<Ok<CaseResponse>, ProblemHttpResult>> ActAsync(
        WorkflowDbContext db,
        Guid id,
        Caller caller,
        Func<Caller, Case, DomainError?> allowed,
        Func<Case, DomainError?> act,
        CancellationToken ct
    ) => ActAsync(db, id, caller, allowed, c => Task.FromResult(act(c)), ct);

    /// <summary>Load (404 if not visible), check who (403), apply (409/400), save case, steps, events and notifications together.</summary>
    internal static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> ActAsync(
        WorkflowDbContext db,
        Guid id,
        Caller caller,
        Func<Caller, Case, DomainError?> allowed,
        Func<Case, Task<DomainError?>> act,
        CancellationToken ct
    )
    {
        var found = await CasesApi.FindVisibleAsync(db, id, caller, tracked: true, ct);
        if (found is null)
        {
            return Problems.NotFound("case", id);
        }

        if ((allowed(caller, found) ?? await act(found)) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CaseResponse.From(found, caller));
    }
}
