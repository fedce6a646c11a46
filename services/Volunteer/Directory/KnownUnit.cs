using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Organization;
using Platform.ServiceDefaults.Messaging;
using Platform.Volunteer.Data;

namespace Platform.Volunteer.Directory;

/// <summary>A member unit of the regional alliance, as the Organization service announced it: only these claim projects.</summary>
public sealed class KnownUnit
{
    private KnownUnit()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Guid? PartyOrganizationId { get; private set; }

    public static KnownUnit From(MemberUnitJoined e) => new() { Id = e.UnitId, Name = e.Name, PartyOrganizationId = e.PartyOrganizationId };

    public void Apply(MemberUnitJoined e) => (Name, PartyOrganizationId) = (e.Name, e.PartyOrganizationId);
}

/// <summary>A person as the Organization service announced them: whether a volunteer is a party member.</summary>
public sealed class KnownPerson
{
    private KnownPerson()
    {
    }

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
    : IdempotentConsumer<MemberUnitJoined, VolunteerDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(MemberUnitJoined message, CancellationToken cancellationToken)
    {
        if (await Db.Units.FirstOrDefaultAsync(u => u.Id == message.UnitId, cancellationToken) is { } unit)
        {
            unit.Apply(message);
        }
        else
        {
            Db.Units.Add(KnownUnit.From(message));
        }
    }
}

public sealed class PersonChangedConsumer(VolunteerDbContext db, TimeProvider clock, ILogger<PersonChangedConsumer> logger)
    : IdempotentConsumer<PersonChanged, VolunteerDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonChanged message, CancellationToken cancellationToken)
    {
        if (await Db.People.FirstOrDefaultAsync(p => p.Id == message.PersonId, cancellationToken) is { } person)
        {
            person.Apply(message);
        }
        else
        {
            Db.People.Add(KnownPerson.From(message));
        }
    }
}

public sealed class DirectoryConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer> where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = 4;
}
