using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.Workflow.Mediation;

namespace Platform.Workflow.Cases;

/// <summary>
/// A case's mediation (调解: parties, sessions, an agreement with undertakings, a referral, the follow-up visit) and
/// tripartite coordination (三方协调: a meeting of the community, the homeowners' committee and the property company,
/// an agreement with tasks for each). The case's other steps are in Cases/Case.cs; which steps a type of case takes
/// is <see cref="CaseStateMachine"/>'s.
/// </summary>
public sealed partial class Case
{
    /// <summary>Mediation: a party to the dispute (at least one applicant and one respondent before a session).</summary>
    public DomainError? AddParty(PartyRole role, ProtectedValue name, ProtectedValue? phone, DateTimeOffset now)
    {
        if (Type != CaseType.Mediation || CaseStateMachine.IsFinal(State))
        {
            return DomainError.Conflict("not-a-mediation", $"Parties are recorded on an open mediation case; case {Number} is a {Type} case, {State}.");
        }

        parties.Add(CaseParty.Create(Id, role, name, phone, now));
        Touch(now);
        return null;
    }

    public DomainError? StartMediation(Actor actor, DateTimeOffset now) => Move(CaseAction.StartMediation, actor, null, now);

    /// <summary>A mediation session, with both sides on record.</summary>
    public DomainError? HoldSession(Actor actor, DateTimeOffset heldAt, IReadOnlyList<string>? attendees, string? summary, DateTimeOffset now)
    {
        if (!parties.Any(p => p.Role == PartyRole.Applicant) || !parties.Any(p => p.Role == PartyRole.Respondent))
        {
            return DomainError.Conflict("parties-required", $"Record the applicant and the respondent of case {Number} before a session.");
        }

        if (CheckMeeting(heldAt, attendees, summary, now) is { } invalid)
        {
            return invalid;
        }

        if (Move(CaseAction.HoldSession, actor, summary!.Trim(), now) is { } error)
        {
            return error;
        }

        meetings.Add(CaseMeeting.Create(Id, MeetingKind.MediationSession, heldAt, attendees!.Select(a => a.Trim()), summary.Trim(), actor.Name));
        return null;
    }

    public DomainError? Convene(Actor actor, DateTimeOffset now) => Move(CaseAction.Convene, actor, null, now);

    /// <summary>A tripartite meeting: the community, the homeowners' committee and the property company each send someone.</summary>
    public DomainError? HoldMeeting(
        Actor actor,
        DateTimeOffset heldAt,
        string? community,
        string? committee,
        string? company,
        string? summary,
        DateTimeOffset now
    )
    {
        if (string.IsNullOrWhiteSpace(community) || string.IsNullOrWhiteSpace(committee) || string.IsNullOrWhiteSpace(company))
        {
            return DomainError.Invalid(
                "attendees",
                "three-parties-required",
                "A tripartite meeting has the community, the homeowners' committee and the property company: name each one's representative."
            );
        }

        string[] attendees = [community.Trim(), committee.Trim(), company.Trim()];
        if (CheckMeeting(heldAt, attendees, summary, now) is { } invalid)
        {
            return invalid;
        }

        if (Move(CaseAction.HoldMeeting, actor, summary!.Trim(), now) is { } error)
        {
            return error;
        }

        meetings.Add(CaseMeeting.Create(Id, MeetingKind.TripartiteMeeting, heldAt, attendees, summary.Trim(), actor.Name));
        return null;
    }

    /// <summary>
    /// 调解协议 / 三方协议: the agreement is the result. Mediation needs a session first; a tripartite agreement a
    /// meeting and who does what (at least one task).
    /// </summary>
    public DomainError? Agree(Actor actor, string? terms, IReadOnlyList<AgreedTask>? agreedTasks, DateTimeOffset now)
    {
        if (CheckText(terms, "terms") is { } invalid)
        {
            return invalid;
        }

        var held = meetings.Count > 0;
        if (Type == CaseType.Tripartite)
        {
            if (agreedTasks is not { Count: > 0 } || agreedTasks.Any(t => string.IsNullOrWhiteSpace(t.Task) || t.Task.Trim().Length > CaseTask.MaxTaskLength))
            {
                return DomainError.Invalid(
                    "tasks",
                    "tasks-required",
                    $"A tripartite agreement says who does what: at least one task, each at most {CaseTask.MaxTaskLength} characters."
                );
            }
        }
        else if (agreedTasks is { Count: > 0 })
        {
            return DomainError.Invalid("tasks", "tasks-not-allowed", "Tasks belong to tripartite agreements.");
        }

        if (CaseStateMachine.For(Type).ContainsKey((State, CaseAction.Agree)) && !held)
        {
            return DomainError.Conflict(
                "meeting-required",
                $"Case {Number} has no {(Type == CaseType.Tripartite ? "meeting" : "session")} on record yet: an agreement comes out of one."
            );
        }

        if (Finish(CaseAction.Agree, actor, terms!.Trim(), now) is { } error)
        {
            return error;
        }

        Agreement = terms.Trim();
        foreach (var task in agreedTasks ?? [])
        {
            tasks.Add(CaseTask.Create(Id, task.Party, task.Task.Trim(), task.DueDate, now));
        }

        return null;
    }

    /// <summary>
    /// 调解协议: the terms and what each party undertakes; every undertaking is a party's on record. The agreement's
    /// text carries both (the undertakings a line each, by role).
    /// </summary>
    public DomainError? AgreeMediation(Actor actor, string? terms, IReadOnlyList<(PartyRole Party, string? Undertakes)> undertakings, DateTimeOffset now)
    {
        foreach (var (party, undertakes) in undertakings)
        {
            if (!parties.Any(p => p.Role == party))
            {
                return DomainError.Invalid("undertakings", "party-not-on-record", $"No {party} is on record for case {Number}: add the parties first.");
            }

            if (string.IsNullOrWhiteSpace(undertakes) || undertakes.Trim().Length > CaseTask.MaxTaskLength)
            {
                return DomainError.Invalid(
                    "undertakings",
                    "undertaking-required",
                    $"Say what the {party} undertakes (at most {CaseTask.MaxTaskLength} characters)."
                );
            }
        }

        var text = string.Concat((terms ?? "").Trim(), string.Concat(undertakings.Select(u => $"\n{u.Party}: {u.Undertakes!.Trim()}")));
        return Agree(actor, text, null, now);
    }

    /// <summary>
    /// Mediation could not settle it: referred onward (a court, arbitration, a department), which is the result.
    /// Unlike an agreement it needs no session held: a dispute outside mediation's remit is referred as soon as
    /// that is clear, with the reason.
    /// </summary>
    public DomainError? Refer(Actor actor, string? to, string? reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(to) || to.Trim().Length > 200)
        {
            return DomainError.Invalid("to", "referral-target-required", "Say where the dispute is referred (at most 200 characters).");
        }

        if (CheckReason(reason) is { } invalid)
        {
            return invalid;
        }

        if (Finish(CaseAction.Refer, actor, $"转交 {to.Trim()}：{reason!.Trim()}", now) is { } error)
        {
            return error;
        }

        ReferredTo = to.Trim();
        return null;
    }

    /// <summary>回访: the follow-up visit after a mediation; an agreement not kept reopens the case (返工).</summary>
    public DomainError? FollowUp(Actor actor, bool kept, string? note, DateTimeOffset now)
    {
        if (note is { Length: > MaxReasonLength })
        {
            return DomainError.Invalid("note", "invalid-note", $"note is at most {MaxReasonLength} characters.");
        }

        if (!kept)
        {
            return State == CaseState.Resolved && Type == CaseType.Mediation
                ? Reopen(actor, $"follow-up: agreement not kept (回访未履行){(string.IsNullOrWhiteSpace(note) ? "" : ": " + note.Trim())}", now)
                : CaseStateMachine.Next(Type, State, CaseAction.FollowUp).Error;
        }

        if (Move(CaseAction.FollowUp, actor, note?.Trim(), now) is { } error)
        {
            return error;
        }

        VerifiedAt = now;
        return null;
    }

    private static DomainError? CheckMeeting(DateTimeOffset heldAt, IReadOnlyList<string>? attendees, string? summary, DateTimeOffset now)
    {
        if (heldAt > now.AddMinutes(5))
        {
            return DomainError.Invalid("heldAt", "meeting-in-future", "A session or meeting is recorded after it was held.");
        }

        if (attendees is not { Count: > 0 } || attendees.Any(a => string.IsNullOrWhiteSpace(a) || a.Trim().Length > 100))
        {
            return DomainError.Invalid("attendees", "attendees-required", "Name who attended (each at most 100 characters).");
        }

        return string.IsNullOrWhiteSpace(summary) || summary.Trim().Length > CaseMeeting.MaxSummaryLength
            ? DomainError.Invalid("summary", "invalid-summary", $"summary is required and at most {CaseMeeting.MaxSummaryLength} characters.")
            : null;
    }

    /// <summary>Records that a party did its agreed task (tripartite coordination), with what came of it.</summary>
    public DomainError? CompleteTask(Guid taskId, Actor actor, string? outcome, DateTimeOffset now)
    {
        if (tasks.FirstOrDefault(t => t.Id == taskId) is not { } task)
        {
            return DomainError.NotFound("task-not-found", $"Case {Number} has no agreed task {taskId}.");
        }

        if (State == CaseState.Voided)
        {
            return DomainError.Conflict("case-voided", $"Case {Number} was voided.");
        }

        if (task.Complete(outcome, actor.Name, now) is { } error)
        {
            return error;
        }

        Note("TaskDone", actor, $"{task.Party}: {task.Task} — {task.Outcome}", now);
        return null;
    }
}
