namespace Platform.Contracts.Volunteer;

/// <summary>A resident's small wish (微心愿) was fulfilled and the resident confirmed it.</summary>
public sealed record WishFulfilled : IntegrationEvent
{
    public required Guid WishId { get; init; }

    public Guid? CommunityId { get; init; }

    /// <summary>The party member who fulfilled it (Organization person id), if a member did.</summary>
    public Guid? PersonId { get; init; }

    /// <summary>The member unit that fulfilled it, if a unit did.</summary>
    public Guid? UnitId { get; init; }
}
