using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.Contracts;
using Platform.Contracts.Organization;

namespace Platform.Organization.MemberUnits;

public enum UnitKind
{
    GovernmentBody,
    PublicInstitution,
    StateEnterprise,
    PrivateEnterprise,
    School,
    Hospital,
    SocialOrganization,
    Other,
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ResourceKind>))]
public enum ResourceKind
{
    Venue,
    Equipment,
    Skill,
    Other,
}

public sealed record SharedResource(ResourceKind Kind, string Description);

/// <summary>驻区单位: an employer or institution in the area that joined the regional party-building alliance.</summary>
public sealed class MemberUnit : Aggregate
{
    public const int MaxNameLength = 100;
    public const int MaxItems = 20;
    public const int MaxItemLength = 200;

    private MemberUnit() { }

    /// <summary>Staff see every member unit; a unit's liaison sees their own.</summary>
    public static readonly Scope<MemberUnit> Scope = new() { SeenWholeBy = Roles.Staff, Unit = u => u.Id };

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public UnitKind Kind { get; private set; }

    /// <summary>The unit's own party organization in the tree, if it has one.</summary>
    public Guid? PartyOrganizationId { get; private set; }

    public string ContactName { get; private set; } = "";

    public ProtectedValue? ContactPhone { get; private set; }

    public List<SharedResource> SharedResources { get; private set; } = [];

    /// <summary>The public-service fields the unit will take on (elderly care, education, environment...).</summary>
    public List<string> ServiceFields { get; private set; } = [];

    public DateOnly JoinedOn { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<MemberUnit> Join(
        string? name,
        UnitKind kind,
        Guid? partyOrganizationId,
        string? contactName,
        ProtectedValue? contactPhone,
        IReadOnlyCollection<SharedResource>? resources,
        IReadOnlyCollection<string>? fields,
        DateOnly joinedOn,
        DateTimeOffset now,
        Guid? id = null
    )
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-unit-name", $"name is required and at most {MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(contactName) || contactName.Trim().Length > 50)
        {
            return DomainError.Invalid(
                "contactName",
                "contact-required",
                "contactName is required (at most 50 characters): the alliance needs a contact person."
            );
        }

        var cleanedResources = (resources ?? []).Select(r => r with { Description = r.Description?.Trim() ?? "" }).ToList();
        var cleanedFields = (fields ?? []).Select(f => f?.Trim() ?? "").Distinct().ToList();
        if (cleanedResources.Count > MaxItems || cleanedResources.Any(r => r.Description.Length is 0 or > MaxItemLength))
        {
            return DomainError.Invalid(
                "sharedResources",
                "invalid-resources",
                $"At most {MaxItems} shared resources, each described in 1 to {MaxItemLength} characters."
            );
        }

        if (cleanedFields.Count is 0 or > MaxItems || cleanedFields.Any(f => f.Length is 0 or > 50))
        {
            return DomainError.Invalid("serviceFields", "invalid-service-fields", $"Give 1 to {MaxItems} public-service fields the unit takes on.");
        }

        var unit = new MemberUnit
        {
            Id = id ?? Guid.CreateVersion7(),
            Name = name.Trim(),
            Kind = kind,
            PartyOrganizationId = partyOrganizationId,
            ContactName = contactName.Trim(),
            ContactPhone = contactPhone,
            SharedResources = cleanedResources,
            ServiceFields = cleanedFields,
            JoinedOn = joinedOn,
            UpdatedAt = now,
        };
        unit.Changed();
        return unit;
    }

    protected override IntegrationEvent Snapshot() => ToEvent();

    public MemberUnitJoined ToEvent() =>
        new()
        {
            UnitId = Id,
            Name = Name,
            PartyOrganizationId = PartyOrganizationId,
            ServiceFields = ServiceFields,
            JoinedOn = JoinedOn,
            OccurredAt = UpdatedAt,
        };
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<TaskStatus>))]
public enum TaskStatus
{
    Open,
    Done,
}

/// <summary>A task the alliance agreed on, with the unit responsible.</summary>
public sealed record AgreedTask(Guid Id, string Description, Guid ResponsibleUnitId, DateOnly? Due, TaskStatus Status, string? Outcome, DateTimeOffset? DoneAt);

/// <summary>A meeting of the regional party-building alliance and the tasks it agreed.</summary>
public sealed class AllianceMeeting
{
    private AllianceMeeting() { }

    public Guid Id { get; private set; }

    public DateOnly HeldOn { get; private set; }

    public string Topic { get; private set; } = "";

    public List<Guid> AttendingUnitIds { get; private set; } = [];

    public List<AgreedTask> Tasks { get; private set; } = [];

    public static Result<AllianceMeeting> Record(
        DateOnly heldOn,
        string? topic,
        IReadOnlyCollection<Guid> attending,
        IReadOnlyCollection<(string Description, Guid Unit, DateOnly? Due)> tasks
    )
    {
        if (string.IsNullOrWhiteSpace(topic) || topic.Trim().Length > 200)
        {
            return DomainError.Invalid("topic", "invalid-topic", "topic is required and at most 200 characters.");
        }

        if (attending.Count == 0)
        {
            return DomainError.Invalid("attendingUnitIds", "no-attendees", "A meeting has at least one attending unit.");
        }

        if (tasks.Any(t => string.IsNullOrWhiteSpace(t.Description) || t.Description.Length > 500))
        {
            return DomainError.Invalid("tasks", "invalid-task", "Each task needs a description of at most 500 characters.");
        }

        return new AllianceMeeting
        {
            Id = Guid.CreateVersion7(),
            HeldOn = heldOn,
            Topic = topic.Trim(),
            AttendingUnitIds = [.. attending.Distinct()],
            Tasks = [.. tasks.Select(t => new AgreedTask(Guid.CreateVersion7(), t.Description.Trim(), t.Unit, t.Due, TaskStatus.Open, null, null))],
        };
    }

    public DomainError? CompleteTask(Guid taskId, string? outcome, DateTimeOffset now)
    {
        var index = Tasks.FindIndex(t => t.Id == taskId);
        if (index < 0)
        {
            return DomainError.NotFound("task-not-found", $"No task {taskId} in this meeting.");
        }

        if (Tasks[index].Status == TaskStatus.Done)
        {
            return DomainError.Conflict("task-done", "The task is already done.");
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            return DomainError.Invalid("outcome", "outcome-required", "Say what was done.");
        }

        Tasks[index] = Tasks[index] with { Status = TaskStatus.Done, Outcome = outcome.Trim(), DoneAt = now };
        Tasks = [.. Tasks];
        return null;
    }
}
