using Platform.Organization.PartyOrganizations;
using static Platform.Organization.Indices.InputKinds;

namespace Platform.Organization.Indices;

/// <summary>Version 1 of each index's rubric, built in and documented in docs/indices.md; later versions are data.</summary>
public static class DefaultRubrics
{
    private static readonly IReadOnlyList<RubricGrade> Stars = [new("★★★★★", 90), new("★★★★", 80), new("★★★", 70), new("★★", 60), new("★", 0)];

    private static readonly string[] CommunityTypes =
    [
        nameof(OrganizationKind.CommunityGeneralBranch),
        nameof(OrganizationKind.CommunityBranch),
        nameof(OrganizationKind.CompoundBranch),
        nameof(OrganizationKind.BuildingGroup),
    ];

    private static readonly string[] UnitTypes = [nameof(OrganizationKind.MemberUnitOrganization)];

    private static readonly string[] OtherTypes =
    [
        nameof(OrganizationKind.SubdistrictCommittee),
        nameof(OrganizationKind.NewEconomicSocialOrganization),
        nameof(OrganizationKind.MassOrganization),
    ];

    /// <summary>
    /// 先锋指数 for members: a basic 60, points for service, cases handled, visits, party life and commendations,
    /// penalties taken off, and a serious disciplinary sanction resetting the score.
    /// </summary>
    public static Rubric Vanguard { get; } =
        new(
            IndexKind.Vanguard,
            1,
            BaseScore: 60,
            MaxScore: 100,
            Components:
            [
                new(
                    "service",
                    "志愿服务 (volunteer service)",
                    15,
                    [new(ServiceHoursApproved, 0.5m, PerQuantity: true, Cap: 12), new(WishFulfilled, 1, Cap: 5), new(VolunteerActivityAttended, 0.5m, Cap: 3)]
                ),
                new("cases", "接诉即办 (cases handled)", 10, [new(CaseClosedOnTime, 1), new(CaseRatedSatisfied, 0.5m)]),
                new("visits", "联系服务群众 (visits)", 5, [new(VisitLogged, 0.5m)]),
                new("party-life", "组织生活 (party life)", 10, [new(ActivityAttended, 1), new(RegisteredInCommunity, 2, Cap: 2)]),
                new("commendations", "表彰 (commendations)", 10, [new(Commendation, 5)]),
                new("penalties", "扣分 (penalties)", 0, [new(Penalty, -5), new(OverduePenalty, -1)], MinPoints: -30),
            ],
            ResetInputs: [SeriousDisciplinarySanction],
            Grades: Stars
        );

    /// <summary>
    /// 堡垒指数 for party organizations, out of 100: a common part of 60 (leadership team, member team, working
    /// mechanisms, basic guarantees), a part of 40 for the organization's type (community, member unit, others),
    /// and the negative items that mark an organization as lagging (后进).
    /// </summary>
    public static Rubric Fortress { get; } =
        new(
            IndexKind.Fortress,
            1,
            BaseScore: 0,
            MaxScore: 100,
            Components:
            [
                new("leadership", "班子建设 (leadership team)", 15, [new(LeadershipReview, 1, PerQuantity: true)]),
                new("member-team", "队伍建设 (member team)", 15, [new(ActivityAttended, 0.2m), new(RegisteredInCommunity, 1), new(Commendation, 3)]),
                new("mechanisms", "工作机制 (working mechanisms)", 15, [new(PartyActivityHeld, 1.5m)]),
                new("guarantees", "基本保障 (basic guarantees)", 15, [new(GuaranteeReview, 1, PerQuantity: true)]),
                new(
                    "community-governance",
                    "社区治理 (community governance)",
                    40,
                    [
                        new(CaseClosedOnTime, 0.5m),
                        new(CaseRatedSatisfied, 0.5m),
                        new(VisitLogged, 0.5m),
                        new(WishFulfilled, 1),
                        new(ServiceHoursApproved, 0.1m, PerQuantity: true),
                    ],
                    ForTypes: CommunityTypes
                ),
                new(
                    "co-building",
                    "共驻共建 (building together)",
                    40,
                    [
                        new(ProjectClaimed, 4),
                        new(VolunteerActivityServed, 2),
                        new(RegisteredInCommunity, 2),
                        new(ServiceHoursApproved, 0.2m, PerQuantity: true),
                        new(WishFulfilled, 1),
                    ],
                    ForTypes: UnitTypes
                ),
                new(
                    "development",
                    "服务发展 (service and development)",
                    40,
                    [
                        new(ServiceHoursApproved, 0.2m, PerQuantity: true),
                        new(ProjectClaimed, 4),
                        new(WishFulfilled, 1),
                        new(VisitLogged, 0.5m),
                        new(CaseClosedOnTime, 0.5m),
                    ],
                    ForTypes: OtherTypes
                ),
                new("lagging", "后进 (lagging)", 0, [new(LaggingFinding, -10), new(Penalty, -5), new(OverduePenalty, -0.5m)], MinPoints: -40),
            ],
            ResetInputs: [],
            Grades: Stars
        );

    /// <summary>
    /// 服务指数 for the subdistrict and each community, out of 100: rates for cases (closed on time, rated
    /// satisfied, replied on time), volume for volunteering, building together and visits, overdue cases taken off.
    /// </summary>
    public static Rubric Service { get; } =
        new(
            IndexKind.Service,
            1,
            BaseScore: 0,
            MaxScore: 100,
            Components:
            [
                new(
                    "responsiveness",
                    "接诉即办 (cases closed on time; rated Satisfied, of all rated: a BasicallySatisfied case lowers the share, where "
                        + "the Workflow assessment weighs it 0.8)",
                    40,
                    [new(CaseClosedOnTime, 25, OutOf: CaseClosed), new(CaseRatedSatisfied, 15, OutOf: CaseRated)]
                ),
                new("replies", "答复反馈 (replies on time)", 10, [new(CaseRepliedOnTime, 10, OutOf: CaseReplied)]),
                new(
                    "volunteering",
                    "志愿服务 (volunteering)",
                    25,
                    [
                        new(ServiceHoursApproved, 0.02m, PerQuantity: true, Cap: 15),
                        new(WishFulfilled, 0.5m, Cap: 5),
                        new(VolunteerActivityCompleted, 0.5m, Cap: 5),
                    ]
                ),
                new("co-building", "共驻共建 (building together)", 15, [new(ProjectClaimed, 1, Cap: 10), new(RegisteredInCommunity, 0.2m, Cap: 5)]),
                new("contact", "联系服务群众 (visits)", 10, [new(VisitLogged, 0.1m)]),
                new("overdue", "超期 (overdue cases)", 0, [new(CaseOverdue, -0.5m)], MinPoints: -20),
            ],
            ResetInputs: [],
            Grades: [new("优秀", 90), new("良好", 75), new("合格", 60), new("待改进", 0)]
        );

    public static Rubric Of(IndexKind index) =>
        index switch
        {
            IndexKind.Vanguard => Vanguard,
            IndexKind.Fortress => Fortress,
            _ => Service,
        };
}
