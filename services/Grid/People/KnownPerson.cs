using System.Linq.Expressions;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Organization;
using Platform.Grid.Data;

namespace Platform.Grid.People;

/// <summary>
/// A person as the Organization service announced them (no personal data): staffing rules need to know who
/// is community staff of which community and who is a subdistrict cadre.
/// </summary>
public sealed class KnownPerson : IReadModelOf<PersonChanged>
{
    private KnownPerson() { }

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
    : ReadModelConsumer<PersonChanged, KnownPerson, GridDbContext>(db, clock, logger)
{
    protected override Expression<Func<KnownPerson, bool>> Identifies(PersonChanged message) => p => p.Id == message.PersonId;

    protected override KnownPerson Create(PersonChanged message) => KnownPerson.From(message);
}
