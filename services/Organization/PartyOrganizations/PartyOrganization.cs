using Platform.BuildingBlocks.Domain;
using Platform.Contracts;
using Platform.Contracts.Organization;

namespace Platform.Organization.PartyOrganizations;

public enum OrganizationStatus
{
    Active,
    Dissolved,
}

/// <summary>A period during which an organization sat under one parent: moves keep history.</summary>
public sealed record ParentPeriod(Guid? ParentId, DateTimeOffset From, DateTimeOffset? To);

/// <summary>
/// A party organization in the subdistrict's tree. The structural rules (which kind under which, one root,
/// no cycles, nothing dissolved with members or children) are enforced here; the caller supplies the facts
/// about the rest of the tree that a rule needs.
/// </summary>
public sealed class PartyOrganization : Aggregate
{
    public const int MaxNameLength = 100;

    private readonly List<ParentPeriod> parentHistory = [];

    private PartyOrganization() { }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public OrganizationKind Kind { get; private set; }

    public MassOrganizationType? MassOrganizationType { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>The community a community-level organization belongs to.</summary>
    public Guid? CommunityId { get; private set; }

    public OrganizationStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public IReadOnlyList<ParentPeriod> ParentHistory => parentHistory;

    /// <summary>Founds an organization under <paramref name="parent"/> (null only for the subdistrict committee).</summary>
    /// <param name="rootExists">Whether an active subdistrict committee exists already.</param>
    public static Result<PartyOrganization> Found(
        Guid id,
        string? name,
        OrganizationKind kind,
        MassOrganizationType? massType,
        PartyOrganization? parent,
        Guid? communityId,
        bool rootExists,
        DateTimeOffset now
    )
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-organization-name", $"name is required and at most {MaxNameLength} characters.");
        }

        if (kind == OrganizationKind.SubdistrictCommittee)
        {
            if (parent is not null)
            {
                return DomainError.Invalid("parentId", "root-has-no-parent", "The subdistrict committee is the root of the tree and has no parent.");
            }

            if (rootExists)
            {
                return DomainError.Conflict("second-subdistrict-committee", "There is already a subdistrict committee; the tree has one root.");
            }
        }
        else if (parent is null)
        {
            return DomainError.Invalid(
                "parentId",
                "parent-required",
                $"A {kind} needs a parent: one of {string.Join(", ", OrganizationKindRules.ParentsAllowedFor(kind))}."
            );
        }

        if (massType is not null && kind != OrganizationKind.MassOrganization)
        {
            return DomainError.Invalid("massOrganizationType", "mass-type-not-allowed", "massOrganizationType is only for a MassOrganization.");
        }

        if (kind == OrganizationKind.MassOrganization && massType is null)
        {
            return DomainError.Invalid(
                "massOrganizationType",
                "mass-type-required",
                "A MassOrganization needs massOrganizationType: TradeUnion, YouthLeague or WomensFederation."
            );
        }

        var organization = new PartyOrganization
        {
            Id = id,
            Name = name.Trim(),
            Kind = kind,
            MassOrganizationType = massType,
            Status = OrganizationStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };

        if (parent is not null && organization.CheckPlacement(parent, communityId) is { } placementError)
        {
            return placementError;
        }

        organization.ParentId = parent?.Id;
        organization.CommunityId = ResolveCommunity(kind, parent, communityId);
        organization.parentHistory.Add(new ParentPeriod(parent?.Id, now, null));
        organization.Changed();
        return organization;
    }

    /// <summary>Moves the organization under <paramref name="newParent"/>; the old parent stays in the history.</summary>
    /// <param name="newParentAncestors">The ids of the new parent's ancestors, to refuse a cycle.</param>
    public DomainError? MoveUnder(PartyOrganization newParent, IReadOnlyCollection<Guid> newParentAncestors, DateTimeOffset now)
    {
        if (Status == OrganizationStatus.Dissolved)
        {
            return DomainError.Conflict("organization-dissolved", $"{Name} is dissolved and cannot be moved.");
        }

        if (Kind == OrganizationKind.SubdistrictCommittee)
        {
            return DomainError.Invalid("parentId", "root-has-no-parent", "The subdistrict committee is the root of the tree and cannot be moved.");
        }

        if (newParent.Id == Id || newParentAncestors.Contains(Id))
        {
            return DomainError.Invalid("parentId", "cycle", $"{newParent.Name} is {Name} itself or below it: the move would make a cycle.");
        }

        if (newParent.Id == ParentId)
        {
            return null;
        }

        if (CheckPlacement(newParent, CommunityId) is { } placementError)
        {
            return placementError;
        }

        parentHistory[^1] = parentHistory[^1] with { To = now };
        parentHistory.Add(new ParentPeriod(newParent.Id, now, null));
        ParentId = newParent.Id;
        CommunityId = ResolveCommunity(Kind, newParent, OrganizationKindRules.IsCommunityLevel(newParent.Kind) ? newParent.CommunityId : CommunityId);
        Touch(now);
        return null;
    }

    public DomainError? Rename(string? name, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-organization-name", $"name is required and at most {MaxNameLength} characters.");
        }

        Name = name.Trim();
        Touch(now);
        return null;
    }

    /// <summary>Dissolves the organization; refused while it has active children or members (move them first).</summary>
    public DomainError? Dissolve(int activeChildren, int members, DateTimeOffset now)
    {
        if (Status == OrganizationStatus.Dissolved)
        {
            return DomainError.Conflict("organization-dissolved", $"{Name} is already dissolved.");
        }

        if (Kind == OrganizationKind.SubdistrictCommittee)
        {
            return DomainError.Conflict("root-cannot-be-dissolved", "The subdistrict committee is the root of the tree and cannot be dissolved.");
        }

        if (activeChildren > 0 || members > 0)
        {
            return DomainError.Conflict(
                "organization-not-empty",
                $"{Name} still has {activeChildren} organizations and {members} members under it; move them first."
            );
        }

        Status = OrganizationStatus.Dissolved;
        parentHistory[^1] = parentHistory[^1] with { To = now };
        Touch(now);
        return null;
    }

    protected override IntegrationEvent Snapshot() => ToEvent();

    public PartyOrganizationChanged ToEvent() =>
        new()
        {
            OrganizationId = Id,
            Name = Name,
            Kind = Kind.ToString(),
            ParentId = ParentId,
            CommunityId = CommunityId,
            Status = Status.ToString(),
            Version = Version,
            OccurredAt = UpdatedAt,
        };

    private DomainError? CheckPlacement(PartyOrganization parent, Guid? communityId)
    {
        if (parent.Status == OrganizationStatus.Dissolved)
        {
            return DomainError.Conflict("parent-dissolved", $"{parent.Name} is dissolved; nothing can be placed under it.");
        }

        if (!OrganizationKindRules.MaySitUnder(Kind, parent.Kind))
        {
            return DomainError.Invalid(
                "parentId",
                "kind-not-allowed-under-parent",
                $"A {Kind} cannot sit under a {parent.Kind}; allowed parents: {string.Join(", ", OrganizationKindRules.ParentsAllowedFor(Kind))}."
            );
        }

        if (OrganizationKindRules.IsCommunityLevel(Kind))
        {
            var community = OrganizationKindRules.IsCommunityLevel(parent.Kind) ? parent.CommunityId : communityId;
            if (community is null)
            {
                return DomainError.Invalid("communityId", "community-required", $"A {Kind} belongs to a community: give communityId.");
            }

            if (communityId is not null && OrganizationKindRules.IsCommunityLevel(parent.Kind) && communityId != parent.CommunityId)
            {
                return DomainError.Invalid("communityId", "community-mismatch", $"{parent.Name} belongs to another community.");
            }
        }

        return null;
    }

    private static Guid? ResolveCommunity(OrganizationKind kind, PartyOrganization? parent, Guid? communityId) =>
        !OrganizationKindRules.IsCommunityLevel(kind) ? communityId
        : parent is not null && OrganizationKindRules.IsCommunityLevel(parent.Kind) ? parent.CommunityId
        : communityId;

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        Changed();
    }
}
