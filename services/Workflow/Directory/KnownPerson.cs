using System.Linq.Expressions;
using Platform.BuildingBlocks.Messaging;
using Platform.Contracts.Organization;
using Platform.Workflow.Data;

namespace Platform.Workflow.Directory;

/// <summary>
/// A person's name as the Organization service announced it (no contact data): a visit's case names the
/// visitor as its reporter, and handlers are shown by name.
/// </summary>
public sealed class KnownPerson : IReadModelOf<PersonChanged>
{
    private KnownPerson() { }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public Guid? StaffCommunityId { get; private set; }

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

        (Name, StaffCommunityId, Version) = (e.Name, e.StaffCommunityId, e.Version);
    }
}

public sealed class PersonChangedConsumer(WorkflowDbContext db, TimeProvider clock, ILogger<PersonChangedConsumer> logger)
    : ReadModelConsumer<PersonChanged, KnownPerson, WorkflowDbContext>(db, clock, logger)
{
    protected override Expression<Func<KnownPerson, bool>> Identifies(PersonChanged message) => p => p.Id == message.PersonId;

    protected override KnownPerson Create(PersonChanged message) => KnownPerson.From(message);
}
