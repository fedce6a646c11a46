using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.Contracts;
using Platform.Contracts.Organization;

namespace Platform.Organization.People;

/// <summary>The kinds of party member the community keeps (党员类型).</summary>
public enum MemberType
{
    /// <summary>Lives and is organized in the community.</summary>
    Resident,

    /// <summary>在职党员: organized in their employer's unit, may register with their home community.</summary>
    InService,

    Retired,

    /// <summary>流动党员: away from where they are organized.</summary>
    Mobile,
}

/// <summary>Membership of a party organization.</summary>
public sealed record PartyMembership(Guid OrganizationId, MemberType Type, DateOnly? JoinedOn);

/// <summary>
/// A person the subdistrict knows: party member, cadre, community staff, or several at once. Contact data is
/// personal: only its protected form and its masked form are kept; the whole value is shown through an
/// audited reveal.
/// </summary>
public sealed class Person : Aggregate
{
    public const int MaxNameLength = 50;

    private Person() { }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public ProtectedValue? Phone { get; private set; }

    public ProtectedValue? IdCard { get; private set; }

    /// <summary>Keyed hash of the ID-card number: one person per number.</summary>
    public string? IdCardHash { get; private set; }

    public ProtectedValue? HomeAddress { get; private set; }

    public PartyMembership? Membership { get; private set; }

    /// <summary>A subdistrict cadre (街道干部), who may be assigned to areas.</summary>
    public bool IsCadre { get; private set; }

    /// <summary>The community a community staff member (社区工作者) works for, if any.</summary>
    public Guid? StaffCommunityId { get; private set; }

    /// <summary>The community of the party organization the person is a member of, when it has one.</summary>
    public Guid? MembershipCommunityId { get; private set; }

    /// <summary>
    /// The community the person belongs to for access: where they work as staff, else where their party
    /// organization is. Community staff see and act on the people of their community.
    /// </summary>
    public Guid? CommunityId { get; private set; }

    /// <summary>
    /// The community an in-service member registered with (在职党员报到), once confirmed: its staff work with them, so
    /// they see them too, beside the community of their own party organization.
    /// </summary>
    public Guid? RegisteredCommunityId { get; private set; }

    /// <summary>Who sees a person: staff of their community or of the community they registered with, the person themself; the admin everyone.</summary>
    public static readonly Scope<Person> Scope = new()
    {
        Community = p => p.CommunityId,
        AlsoCommunity = p => p.RegisteredCommunityId,
        Person = p => p.Id,
    };

    /// <summary>A confirmed registration brings the member into the community's work.</summary>
    public void RegisterWith(Guid communityId, DateTimeOffset now)
    {
        RegisteredCommunityId = communityId;
        UpdatedAt = now;
    }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public bool IsPartyMember => Membership is not null;

    public static Result<Person> Register(Guid id, string? name, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-person-name", $"name is required and at most {MaxNameLength} characters.");
        }

        var person = new Person
        {
            Id = id,
            Name = name.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        person.Changed();
        return person;
    }

    public void SetContact(ProtectedValue? phone, ProtectedValue? idCard, string? idCardHash, ProtectedValue? homeAddress, DateTimeOffset now)
    {
        Phone = phone;
        IdCard = idCard;
        IdCardHash = idCardHash;
        HomeAddress = homeAddress;
        Touch(now);
    }

    public void SetRoles(bool isCadre, Guid? staffCommunityId, DateTimeOffset now)
    {
        IsCadre = isCadre;
        StaffCommunityId = staffCommunityId;
        CommunityId = StaffCommunityId ?? MembershipCommunityId;
        Touch(now);
    }

    /// <summary>Joins (or moves within) the party tree; the organization must be active (checked by the caller).</summary>
    /// <param name="organizationCommunityId">The community of the organization joined, if it has one.</param>
    public void SetMembership(PartyMembership? membership, Guid? organizationCommunityId, DateTimeOffset now)
    {
        Membership = membership;
        MembershipCommunityId = membership is null ? null : organizationCommunityId;
        CommunityId = StaffCommunityId ?? MembershipCommunityId;
        Touch(now);
    }

    /// <summary>The person's party organization moved to another community.</summary>
    public void OrganizationMovedTo(Guid? communityId, DateTimeOffset now) => SetMembership(Membership, communityId, now);

    protected override IntegrationEvent Snapshot() => ToEvent();

    public PersonChanged ToEvent() =>
        new()
        {
            PersonId = Id,
            Name = Name,
            OrganizationId = Membership?.OrganizationId,
            MemberType = Membership?.Type.ToString(),
            IsCadre = IsCadre,
            StaffCommunityId = StaffCommunityId,
            Version = Version,
            OccurredAt = UpdatedAt,
        };

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        Changed();
    }
}
