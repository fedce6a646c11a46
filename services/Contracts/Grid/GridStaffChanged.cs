namespace Platform.Contracts.Grid;

/// <summary>
/// Someone took up or left a post in a grid: leader (网格长), assistant (网格协管员), participant (网格参与员) or
/// instructor (网格指导员). The Organization service puts the grids of a person's active posts in their token.
/// </summary>
public sealed record GridStaffChanged : IntegrationEvent
{
    public required Guid AssignmentId { get; init; }

    public required Guid GridId { get; init; }

    public required Guid CommunityId { get; init; }

    public required Guid PersonId { get; init; }

    /// <summary>Leader, Assistant, Participant or Instructor.</summary>
    public required string Post { get; init; }

    /// <summary>For participants: PartyMemberBackbone, ResidentRepresentative, GroupLeader, BuildingLeader, Retiree,
    /// DeputyOrMember, Volunteer, Other.</summary>
    public string? Category { get; init; }

    /// <summary>False once the post has ended.</summary>
    public required bool Active { get; init; }

    public required DateOnly From { get; init; }

    public DateOnly? To { get; init; }
}
