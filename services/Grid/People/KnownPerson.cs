using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Organization;
using Platform.Grid.Data;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Grid.People;

/// <summary>
/// A person as the Organization service announced them (no personal data): staffing rules need to know who
/// is community staff of which community and who is a subdistrict cadre.
/// </summary>
public sealed class KnownPerson
{
    private KnownPerson()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public bool IsCadre { get; private set; }

    public Guid? StaffCommunityId { get; private set; }

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
        if (e.Version < Version)
        {
            return;
        }

        (Name, IsCadre, StaffCommunityId, IsPartyMember, Version) = (e.Name, e.IsCadre, e.StaffCommunityId, e.OrganizationId is not null, e.Version);
    }
}

public sealed class PersonChangedConsumer(GridDbContext db, TimeProvider clock, ILogger<PersonChangedConsumer> logger)
    : IdempotentConsumer<PersonChanged, GridDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PersonChanged message, CancellationToken cancellationToken)
    {
        if (await Db.People.FirstOrDefaultAsync(p => p.Id == message.PersonId, cancellationToken) is { } known)
        {
            known.Apply(message);
        }
        else
        {
            Db.People.Add(KnownPerson.From(message));
        }
    }
}

public sealed class PersonChangedConsumerDefinition : ConsumerDefinition<PersonChangedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<PersonChangedConsumer> consumerConfigurator, IRegistrationContext context) =>
        endpointConfigurator.ConcurrentMessageLimit = 4;
}
