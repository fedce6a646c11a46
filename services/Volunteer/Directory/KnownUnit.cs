using System.Linq.Expressions;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Organization;
using Platform.Volunteer.Data;

namespace Platform.Volunteer.Directory;

/// <summary>A member unit of the regional alliance, as the Organization service announced it: only these claim projects.</summary>
public sealed class KnownUnit : IReadModelOf<MemberUnitJoined>
{
    private KnownUnit() { }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Guid? PartyOrganizationId { get; private set; }

    public static KnownUnit From(MemberUnitJoined e) =>
        new()
        {
            Id = e.UnitId,
            Name = e.Name,
            PartyOrganizationId = e.PartyOrganizationId,
        };

    public void Apply(MemberUnitJoined e) => (Name, PartyOrganizationId) = (e.Name, e.PartyOrganizationId);
}

/// <summary>A person as the Organization service announced them: whether a volunteer is a party member.</summary>
public sealed class KnownPerson : IReadModelOf<PersonChanged>
{
    private KnownPerson() { }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public bool IsPartyMember { get; private set; }

    public long Version { get; private set; }

    public static KnownPerson From(PersonChanged e)
    {
        var person = new KnownPerson { Id = e.PersonId };
        person.Apply(e);
        return person;
    }

    public void Apply(PersonChanged e)
    {
        if (e.Version >= Version)
        {
            (Name, IsPartyMember, Version) = (e.Name, e.OrganizationId is not null, e.Version);
        }
    }
}

public sealed class MemberUnitJoinedConsumer(VolunteerDbContext db, TimeProvider clock, ILogger<MemberUnitJoinedConsumer> logger)
    : ReadModelConsumer<MemberUnitJoined, KnownUnit, VolunteerDbContext>(db, clock, logger)
{
    protected override Expression<Func<KnownUnit, bool>> Identifies(MemberUnitJoined message) => u => u.Id == message.UnitId;

    protected override KnownUnit Create(MemberUnitJoined message) => KnownUnit.From(message);
}

public sealed class PersonChangedConsumer(VolunteerDbContext db, TimeProvider clock, ILogger<PersonChangedConsumer> logger)
    : ReadModelConsumer<PersonChanged, KnownPerson, VolunteerDbContext>(db, clock, logger)
{
    protected override Expression<Func<KnownPerson, bool>> Identifies(PersonChanged message) => p => p.Id == message.PersonId;

    protected override KnownPerson Create(PersonChanged message) => KnownPerson.From(message);
}
