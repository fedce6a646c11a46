using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.Contracts.Workflow;
using Platform.Workflow.Deadlines;
using Platform.Workflow.Mediation;
using Platform.Workflow.Routing;

namespace Platform.Workflow.Cases;

/// <summary>
/// A case in the closed loop (docs/architecture.md, The case loop). Every change goes through <see cref="CaseStateMachine"/>,
/// writes a <see cref="CaseStep"/> and, where other services care, queues an event for the outbox.
/// Deadlines: the clock (<see cref="CaseDeadline"/>) runs from dispatch while a handler has the case.
/// </summary>
public sealed partial class Case : Aggregate
{
    /// <summary>As Open311 GeoReport v2 allows (4,000 characters).</summary>
    public const int MaxDescriptionLength = 4000;
    public const int MaxPhotos = 9;
    public const int MaxUrlLength = 500;
    public const int MaxTextLength = 2000;
    public const int MaxReasonLength = 500;

    /// <summary>
    /// Grid staff see their grids' cases, community staff their communities', a department the cases dispatched
    /// to it, a reporter their own; subdistrict cadres supervise every case.
    /// </summary>
    public static readonly Scope<Case> Scope = new()
    {
        Community = c => c.CommunityId,
        Grid = c => c.GridId,
        Department = c => c.Department,
        Owner = c => c.ReporterSubject,
        SeenWholeBy = [Roles.SubdistrictCadre],
    };

    private readonly List<CaseStep> steps = [];
    private readonly List<CaseReporter> reporters = [];
    private readonly List<CaseParty> parties = [];
    private readonly List<CaseMeeting> meetings = [];
    private readonly List<CaseTask> tasks = [];

    private Case() { }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public string Category { get; private set; } = "";

    public string Description { get; private set; } = "";

    public CaseChannel Channel { get; private set; }

    public CasePriority Priority { get; private set; }

    public CaseState State { get; private set; }

    /// <summary>General, Mediation or Tripartite: which steps the case goes through (set when it is filed).</summary>
    public CaseType Type { get; private set; }

    public Point? Location { get; private set; }

    public Guid? BuildingId { get; private set; }

    public ProtectedValue? Address { get; private set; }

    public List<string> PhotoUrls { get; private set; } = [];

    public Guid? GridId { get; private set; }

    public Guid? CommunityId { get; private set; }

    /// <summary>The first reporter's account, when they reported signed in: they see their own case.</summary>
    public string? ReporterSubject { get; private set; }

    /// <summary>Where the case came from outside this service (visit:{id}, open311:{token}): taken in once.</summary>
    public string? SourceRef { get; private set; }

    public Guid? PossibleDuplicateOf { get; private set; }

    public Guid? MergedInto { get; private set; }

    public string? VoidReason { get; private set; }

    public HandlerLevel? HandlerLevel { get; private set; }

    /// <summary>The department's code when <see cref="HandlerLevel"/> is Department.</summary>
    public string? Department { get; private set; }

    public Guid? RuleId { get; private set; }

    public HandlerLevel? SupervisingLevel { get; private set; }

    public Guid? HandledByPersonId { get; private set; }

    /// <summary>The handler's account: a department's handler may have no person record.</summary>
    public string? HandledBySubject { get; private set; }

    public string? HandledByName { get; private set; }

    public string? Result { get; private set; }

    public string? Reply { get; private set; }

    /// <summary>The terms of a mediation or tripartite agreement.</summary>
    public string? Agreement { get; private set; }

    /// <summary>Where a dispute that mediation could not settle was referred.</summary>
    public string? ReferredTo { get; private set; }

    public CaseRating? Rating { get; private set; }

    public string? RatingComment { get; private set; }

    /// <summary>The reporter's answer to "was it resolved?" (the hotline asks it beside satisfaction); null when not asked.</summary>
    public bool? ReporterSaysResolved { get; private set; }

    public DateTimeOffset ReportedAt { get; private set; }

    public DateTimeOffset? RegisteredAt { get; private set; }

    public DateTimeOffset? FirstDispatchedAt { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? RepliedAt { get; private set; }

    public DateTimeOffset? RatedAt { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset? VoidedAt { get; private set; }

    /// <summary>True when the last result came in before the deadline and the case was never overdue.</summary>
    public bool? OnTime { get; private set; }

    public int Returns { get; private set; }

    public int Reopens { get; private set; }

    public int Extensions { get; private set; }

    public int Deferrals { get; private set; }

    public int Escalations { get; private set; }

    public int TimesOverdue { get; private set; }

    /// <summary>How many steps the timeline has: the next one is numbered after it.</summary>
    public int StepCount { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<CaseStep> Steps => steps;

    public IReadOnlyList<CaseReporter> Reporters => reporters;

    public IReadOnlyList<CaseParty> Parties => parties;

    public IReadOnlyList<CaseMeeting> Meetings => meetings;

    public IReadOnlyList<CaseTask> Tasks => tasks;

    /// <summary>The deadline clock: due, warned, overdue, the next escalation, a deferral.</summary>
    public CaseDeadline Deadline { get; private set; } = new();

    public bool IsOverdue => Deadline.OverdueAt is not null && CaseStateMachine.ClockRuns(State);

    /// <summary>A checked report becomes a case, numbered by intake, placed where intake found it.</summary>
    public static Result<Case> Report(ReportCase input, IntakeFindings found, string number, Actor actor, DateTimeOffset now)
    {
        if (input.Check() is { } refused)
        {
            return refused;
        }

        var description = input.Description!.Trim();
        var photos = input.PhotoUrls ?? [];
        var @case = new Case
        {
            Id = Guid.CreateVersion7(now),
            Number = number,
            Category = input.Category!,
            Description = description,
            Channel = input.Channel,
            Priority = input.Priority,
            State = CaseState.Reported,
            Location = found.Location,
            BuildingId = input.BuildingId,
            Address = found.Address,
            PhotoUrls = [.. photos],
            GridId = found.GridId,
            CommunityId = found.CommunityId,
            ReporterSubject = found.Reporter?.Subject,
            SourceRef = input.SourceRef,
            PossibleDuplicateOf = found.PossibleDuplicateOf,
            ReportedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        if (found.Reporter is { } reporter)
        {
            reporter.BelongTo(@case.Id);
            @case.reporters.Add(reporter);
        }

        var where = found.GridId is null ? "outside every known grid" : null;
        @case.steps.Add(CaseStep.Record(@case.Id, ++@case.StepCount, "Report", CaseState.Reported, CaseState.Reported, actor, where, now));
        @case.Raise(
            @case.Stamp(
                new CaseReported
                {
                    ReportedAt = now,
                    PossibleDuplicateOf = found.PossibleDuplicateOf,
                    OccurredAt = now,
                }
            )
        );
        return @case;
    }

    /// <summary>立案; the operator may set the priority and the kind of case (general, mediation, tripartite) while filing.</summary>
    public DomainError? Register(Actor actor, DateTimeOffset now, CasePriority? priority = null, CaseType type = CaseType.General)
    {
        var changes = new[] { priority is { } p && p != Priority ? $"priority {Priority} → {p}" : null, type != CaseType.General ? $"type {type}" : null };
        var note = changes.Any(c => c is not null) ? string.Join("; ", changes.Where(c => c is not null)) : null;
        if (Move(CaseAction.Register, actor, note, now) is { } error)
        {
            return error;
        }

        RegisteredAt = now;
        Priority = priority ?? Priority;
        Type = type;
        return null;
    }

    /// <summary>作废: not a case (or a duplicate); final, with the reason kept.</summary>
    public DomainError? Void(Actor actor, string? reason, DateTimeOffset now)
    {
        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (Move(CaseAction.Void, actor, reason!.Trim(), now) is { } error)
        {
            return error;
        }

        (VoidReason, VoidedAt) = (reason.Trim(), now);
        return null;
    }

    /// <summary>
    /// A duplicate is voided into its original: the original's reporters grow by this case's, so every reporter
    /// gets the reply, and both timelines say so.
    /// </summary>
    public DomainError? MergeInto(Case original, Actor actor, DateTimeOffset now)
    {
        if (original.Id == Id)
        {
            return DomainError.Invalid("into", "merge-into-itself", "A case cannot be merged into itself.");
        }

        if (CaseStateMachine.IsFinal(original.State))
        {
            return DomainError.Conflict("merge-target-final", $"Case {original.Number} is {original.State}: merge into an open case.");
        }

        if (Void(actor, $"重复案件，并入 {original.Number} (duplicate, merged into {original.Number})", now) is { } error)
        {
            return error;
        }

        MergedInto = original.Id;
        foreach (var reporter in reporters)
        {
            original.reporters.Add(reporter.CopyTo(original.Id, Id, now));
        }

        original.Note("Merged", actor, $"并入重复案件 {Number} (merged duplicate {Number}; {reporters.Count} reporter(s) added)", now);
        return null;
    }

    /// <summary>分流交办: to the handler the route names; the clock starts (again, after a return) with a fresh deadline.</summary>
    public DomainError? Dispatch(CaseRoute route, int categoryWorkingDays, DeadlinePolicy deadlines, Actor actor, DateTimeOffset now)
    {
        if (route.Level == Cases.HandlerLevel.Department && string.IsNullOrWhiteSpace(route.Department))
        {
            return DomainError.Invalid("department", "department-required", "A case dispatched to a department names the department.");
        }

        if (Move(CaseAction.Dispatch, actor, route.Explanation, now) is { } error)
        {
            return error;
        }

        HandlerLevel = route.Level;
        Department = route.Level == Cases.HandlerLevel.Department ? route.Department : null;
        RuleId = route.RuleId;
        FirstDispatchedAt ??= now;
        DispatchedAt = now;
        var due = deadlines.DueAt(Priority, categoryWorkingDays, now);
        Deadline.Start(due, deadlines.WarnAt(now, due));
        Reschedule();
        Raise(
            Stamp(
                new CaseDispatched
                {
                    Returns = Returns,
                    RuleId = RuleId,
                    OccurredAt = now,
                }
            )
        );
        return null;
    }

    /// <summary>回退: the handler says the case is not theirs; it goes back to dispatch.</summary>
    public DomainError? Return(Actor actor, string? reason, DateTimeOffset now)
    {
        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (Move(CaseAction.Return, actor, reason!.Trim(), now) is { } error)
        {
            return error;
        }

        Returns++;
        (HandlerLevel, Department, RuleId) = (null, null, null);
        Deadline.Stop();
        Reschedule();
        return null;
    }

    public DomainError? Accept(Actor actor, DateTimeOffset now)
    {
        if (Move(CaseAction.Accept, actor, null, now) is { } error)
        {
            return error;
        }

        AcceptedAt = now;
        (HandledByPersonId, HandledBySubject, HandledByName) = (actor.PersonId, actor.Subject, actor.Name);
        return null;
    }

    /// <summary>The handler notes progress; the state stays.</summary>
    public DomainError? Progress(Actor actor, string? note, DateTimeOffset now)
    {
        if (State is not (CaseState.Accepted or CaseState.Deferred))
        {
            return DomainError.Conflict("case-not-in-hand", $"Progress is recorded on an Accepted or Deferred case; case {Number} is {State}.");
        }

        if (CheckText(note, "note") is { } invalid)
        {
            return invalid;
        }

        Note("Progress", actor, note!.Trim(), now);
        return null;
    }

    public DomainError? Resolve(Actor actor, string? result, DateTimeOffset now) =>
        CheckText(result, "result") ?? Finish(CaseAction.Resolve, actor, result!.Trim(), now);

    /// <summary>The result is in, however the case got there (a handler's result, an agreement, a referral).</summary>
    private DomainError? Finish(CaseAction action, Actor actor, string result, DateTimeOffset now)
    {
        if (Move(action, actor, result, now) is { } error)
        {
            return error;
        }

        Result = result;
        ResolvedAt = now;
        OnTime = TimesOverdue == 0 && Deadline.DueAt is { } due && now <= due;
        (HandledByPersonId, HandledBySubject, HandledByName) = (actor.PersonId ?? HandledByPersonId, actor.Subject, actor.Name);
        Reschedule();
        return null;
    }

    private DomainError? Move(CaseAction action, Actor actor, string? note, DateTimeOffset now)
    {
        if (!CaseStateMachine.Next(Type, State, action).TryGet(out var next, out var error))
        {
            return error with { Message = $"Case {Number}: {error.Message}" };
        }

        steps.Add(CaseStep.Record(Id, ++StepCount, action.ToString(), State, next, actor, note, now));
        State = next;
        Touch(now);
        return null;
    }

    private void Note(string action, Actor actor, string? note, DateTimeOffset now)
    {
        steps.Add(CaseStep.Record(Id, ++StepCount, action, State, State, actor, note, now));
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private void Reschedule() => Deadline.Reschedule(CaseStateMachine.ClockRuns(State));

    private T Stamp<T>(T e)
        where T : CaseEvent =>
        (T)(
            (CaseEvent)e with
            {
                CaseId = Id,
                Number = Number,
                Category = Category,
                Channel = Channel.ToString(),
                Priority = Priority.ToString(),
                Type = Type.ToString(),
                GridId = GridId,
                CommunityId = CommunityId,
                HandlerLevel = HandlerLevel?.ToString(),
                Department = Department,
                DueAt = Deadline.DueAt,
            }
        );

    private static DomainError? CheckReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxReasonLength
            ? DomainError.Invalid("reason", "reason-required", $"A reason is required (at most {MaxReasonLength} characters).")
            : null;

    private static DomainError? CheckText(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxTextLength
            ? DomainError.Invalid(field, $"invalid-{field}", $"{field} is required and at most {MaxTextLength} characters.")
            : null;
}
