using Platform.BuildingBlocks.Domain;
using Platform.Contracts;
using Platform.Contracts.Organization;

namespace Platform.Organization.Posts;

/// <summary>分片包干: a subdistrict cadre is assigned to a community and/or grids for a period.</summary>
public sealed class AreaAssignment : Aggregate
{
    public const int MaxGrids = 50;

    private AreaAssignment() { }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid? CommunityId { get; private set; }

    public List<Guid> GridIds { get; private set; } = [];

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<AreaAssignment> Assign(
        Guid personId,
        bool personIsCadre,
        Guid? communityId,
        IReadOnlyCollection<Guid>? gridIds,
        DateOnly from,
        DateOnly? to,
        DateTimeOffset now
    )
    {
        if (!personIsCadre)
        {
            return DomainError.Conflict("not-a-cadre", "Only subdistrict cadres are assigned to areas (分片包干); mark the person as a cadre first.");
        }

        var grids = (gridIds ?? []).Distinct().ToList();
        if (communityId is null && grids.Count == 0)
        {
            return DomainError.Invalid("communityId", "area-required", "Give communityId, gridIds or both: the area the cadre is assigned to.");
        }

        if (grids.Count > MaxGrids || grids.Contains(Guid.Empty))
        {
            return DomainError.Invalid("gridIds", "invalid-grids", $"gridIds holds at most {MaxGrids} grid ids, none empty.");
        }

        if (to is { } end && end < from)
        {
            return DomainError.Invalid("to", "end-before-start", "to cannot be before from.");
        }

        var assignment = new AreaAssignment
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            CommunityId = communityId,
            GridIds = grids,
            From = from,
            To = to,
            UpdatedAt = now,
        };
        assignment.Changed();
        return assignment;
    }

    public DomainError? End(DateOnly on, DateTimeOffset now)
    {
        if (To is { } end && end <= on)
        {
            return DomainError.Conflict("assignment-ended", "The assignment has already ended.");
        }

        if (on < From)
        {
            return DomainError.Invalid("on", "end-before-start", "An assignment cannot end before it started.");
        }

        To = on;
        UpdatedAt = now;
        Changed();
        return null;
    }

    protected override IntegrationEvent Snapshot() => ToEvent();

    public AreaAssigned ToEvent() =>
        new()
        {
            AssignmentId = Id,
            PersonId = PersonId,
            CommunityId = CommunityId,
            GridIds = GridIds,
            From = From,
            To = To,
            OccurredAt = UpdatedAt,
        };
}
