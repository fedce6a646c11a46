namespace Platform.Contracts.Workflow;

/// <summary>
/// A reward (positive points) or penalty (negative) was recorded in the case assessment (考核奖惩): by a rule
/// (a case found overdue) or by hand with a reason. The indices take these as inputs.
/// </summary>
public sealed record AssessmentRecorded : IntegrationEvent
{
    public required Guid ItemId { get; init; }

    /// <summary>Handler, Grid, Community or Department.</summary>
    public required string Level { get; init; }

    /// <summary>The person's id (Handler), the grid's or community's id, or the department's code.</summary>
    public required string SubjectId { get; init; }

    /// <summary>The person, when the subject is one (a handler): the Vanguard Index counts it for them.</summary>
    public Guid? PersonId { get; init; }

    public required decimal Points { get; init; }

    public required string Reason { get; init; }

    /// <summary>Rule (such as overdue) or Manual.</summary>
    public required string Source { get; init; }

    public Guid? CaseId { get; init; }
}
