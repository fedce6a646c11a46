namespace Platform.Organization.Indices;

/// <summary>
/// The kinds of input the rubrics name. Each comes from one place: another service's event, this service's own
/// records (party activities, registrations), or the committee's hand (<see cref="Manual"/>).
/// </summary>
public static class InputKinds
{
    // Volunteer
    public const string ServiceHoursApproved = nameof(ServiceHoursApproved);
    public const string WishFulfilled = nameof(WishFulfilled);
    public const string ProjectClaimed = nameof(ProjectClaimed);
    public const string VolunteerActivityCompleted = nameof(VolunteerActivityCompleted);
    public const string VolunteerActivityServed = nameof(VolunteerActivityServed);
    public const string VolunteerActivityAttended = nameof(VolunteerActivityAttended);

    // Workflow
    public const string CaseClosed = nameof(CaseClosed);
    public const string CaseClosedOnTime = nameof(CaseClosedOnTime);
    public const string CaseRated = nameof(CaseRated);
    public const string CaseRatedSatisfied = nameof(CaseRatedSatisfied);
    public const string CaseReplied = nameof(CaseReplied);
    public const string CaseRepliedOnTime = nameof(CaseRepliedOnTime);
    public const string CaseOverdue = nameof(CaseOverdue);

    /// <summary>The case assessment's penalty against the person who let a case run overdue (CaseOverdue counts against the community).</summary>
    public const string OverduePenalty = nameof(OverduePenalty);

    // Grid
    public const string VisitLogged = nameof(VisitLogged);

    // Organization
    public const string PartyActivityHeld = nameof(PartyActivityHeld);
    public const string ActivityAttended = nameof(ActivityAttended);
    public const string RegisteredInCommunity = nameof(RegisteredInCommunity);

    // By hand (the committee, with a reason and evidence)
    public const string Commendation = nameof(Commendation);
    public const string Penalty = nameof(Penalty);
    public const string SeriousDisciplinarySanction = nameof(SeriousDisciplinarySanction);
    public const string LeadershipReview = nameof(LeadershipReview);
    public const string GuaranteeReview = nameof(GuaranteeReview);
    public const string LaggingFinding = nameof(LaggingFinding);

    /// <summary>The kinds the committee enters by hand; a review's quantity is the points it awards.</summary>
    public static readonly IReadOnlyList<string> Manual =
    [
        Commendation,
        Penalty,
        SeriousDisciplinarySanction,
        LeadershipReview,
        GuaranteeReview,
        LaggingFinding,
    ];

    /// <summary>The manual kinds that are about an organization, not a member.</summary>
    public static readonly IReadOnlyList<string> ForOrganizations = [LeadershipReview, GuaranteeReview, LaggingFinding];
}
