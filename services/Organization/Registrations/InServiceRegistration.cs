using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Organization;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;

namespace Platform.Organization.Registrations;

public enum RegistrationStatus
{
    Pending,
    Confirmed,
    Declined,
    Withdrawn,
}

/// <summary>
/// 在职党员进社区报到: an in-service member, organized in their employer's unit, registers with the community
/// where they live, is placed in a compound branch or building group (and grid) there, and pledges service.
/// The community confirms or declines.
/// </summary>
public sealed class InServiceRegistration : Aggregate
{
    public const int MaxPledges = 10;
    public const int MaxPledgeLength = 200;

    private InServiceRegistration() { }

    /// <summary>The community's staff see its registrations; a member sees their own.</summary>
    public static readonly Scope<InServiceRegistration> Scope = new() { Community = r => r.CommunityId, Person = r => r.PersonId };

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid CommunityId { get; private set; }

    /// <summary>The member's own party organization (a unit's) when they registered.</summary>
    public Guid UnitOrganizationId { get; private set; }

    public Guid PlacementOrganizationId { get; private set; }

    public Guid? GridId { get; private set; }

    public List<string> Pledges { get; private set; } = [];

    public RegistrationStatus Status { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecisionNote { get; private set; }

    public static Result<InServiceRegistration> Submit(
        Person member,
        PartyOrganization? unitOrganization,
        PartyOrganization placement,
        Guid communityId,
        Guid? gridId,
        IReadOnlyCollection<string>? pledges,
        bool hasOpenRegistration,
        DateTimeOffset now
    )
    {
        if (member.Membership is not { Type: MemberType.InService } membership || unitOrganization is null || unitOrganization.Id != membership.OrganizationId)
        {
            return DomainError.Conflict(
                "not-in-service-member",
                $"{member.Name} is not an in-service party member; only they register with their home community."
            );
        }

        if (unitOrganization.Kind is not (OrganizationKind.MemberUnitOrganization or OrganizationKind.NewEconomicSocialOrganization))
        {
            return DomainError.Conflict(
                "not-organized-in-a-unit",
                $"{member.Name}'s organization is not a unit's: in-service members are organized where they work."
            );
        }

        if (hasOpenRegistration)
        {
            return DomainError.Conflict("registration-open", $"{member.Name} already has a pending or confirmed registration.");
        }

        if (
            placement.Kind is not (OrganizationKind.CompoundBranch or OrganizationKind.BuildingGroup or OrganizationKind.CommunityBranch)
            || placement.CommunityId != communityId
            || placement.Status != OrganizationStatus.Active
        )
        {
            return DomainError.Invalid(
                "placementOrganizationId",
                "invalid-placement",
                "placementOrganizationId must be an active compound branch, building group or community branch of the same community."
            );
        }

        var cleaned = (pledges ?? []).Select(p => p?.Trim() ?? "").ToList();
        if (cleaned.Count is 0 or > MaxPledges || cleaned.Any(p => p.Length is 0 or > MaxPledgeLength))
        {
            return DomainError.Invalid("pledges", "invalid-pledges", $"Give 1 to {MaxPledges} service pledges, each 1 to {MaxPledgeLength} characters.");
        }

        return new InServiceRegistration
        {
            Id = Guid.CreateVersion7(),
            PersonId = member.Id,
            CommunityId = communityId,
            UnitOrganizationId = unitOrganization.Id,
            PlacementOrganizationId = placement.Id,
            GridId = gridId,
            Pledges = cleaned,
            Status = RegistrationStatus.Pending,
            SubmittedAt = now,
        };
    }

    public DomainError? Confirm(DateTimeOffset now, string? note) => Decide(RegistrationStatus.Confirmed, now, note);

    public DomainError? Decline(DateTimeOffset now, string? note)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return DomainError.Invalid("note", "decline-reason-required", "Declining needs a note saying why.");
        }

        return Decide(RegistrationStatus.Declined, now, note);
    }

    public MemberRegisteredInCommunity ToEvent() =>
        new()
        {
            RegistrationId = Id,
            PersonId = PersonId,
            CommunityId = CommunityId,
            UnitOrganizationId = UnitOrganizationId,
            PlacementOrganizationId = PlacementOrganizationId,
            GridId = GridId,
            OccurredAt = DecidedAt ?? SubmittedAt,
        };

    private DomainError? Decide(RegistrationStatus to, DateTimeOffset now, string? note)
    {
        if (Status != RegistrationStatus.Pending)
        {
            return DomainError.Conflict("registration-decided", $"The registration is {Status}; only a pending one can be confirmed or declined.");
        }

        Status = to;
        DecidedAt = now;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (to == RegistrationStatus.Confirmed)
        {
            // The member is brought into the community's work: the other services hear of it.
            Raise(ToEvent());
        }

        return null;
    }
}
