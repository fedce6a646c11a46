using Platform.BuildingBlocks.Domain;

namespace Platform.Volunteer.Volunteers;

/// <summary>
/// Someone who gives service hours: a resident, a party member (linked to their Organization record), a
/// unit's employee. Each has a volunteer number, shown on their certificates.
/// </summary>
public sealed class Volunteer
{
    public const int MaxNameLength = 50;
    public const int MaxSkills = 20;
    public const int MaxSkillLength = 40;
    public const int MaxAvailabilityLength = 200;

    private Volunteer() { }

    /// <summary>Organizers see every volunteer; a volunteer sees their own record.</summary>
    public static readonly Scope<Volunteer> Scope = new()
    {
        SeenWholeBy = Roles.Organizers,
        Owner = v => v.AccountSubject,
        Person = v => v.PersonId,
    };

    public Guid Id { get; private set; }

    /// <summary>The volunteer number (志愿者编号), given by the database on registration.</summary>
    public string Number { get; private set; } = null!;

    /// <summary>The account that registered: the volunteer signed in, or the organizer who registered them.</summary>
    public string? AccountSubject { get; private set; }

    /// <summary>The Organization service's person, when the volunteer signed in as one (party members, staff).</summary>
    public Guid? PersonId { get; private set; }

    public string Name { get; private set; } = "";

    public List<string> Skills { get; private set; } = [];

    /// <summary>When they can serve, in their words ("weekends", "weekday evenings").</summary>
    public string? Availability { get; private set; }

    public Guid? HomeGridId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Result<Volunteer> Register(
        Guid id,
        string? name,
        IReadOnlyCollection<string>? skills,
        string? accountSubject,
        DateTimeOffset now,
        Guid? personId = null,
        string? availability = null,
        Guid? homeGridId = null
    )
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-volunteer-name", $"name is required and at most {MaxNameLength} characters.");
        }

        var cleaned = (skills ?? []).Select(s => s?.Trim() ?? "").ToList();
        if (cleaned.Count > MaxSkills || cleaned.Any(s => s.Length is 0 or > MaxSkillLength))
        {
            return DomainError.Invalid("skills", "invalid-skills", $"at most {MaxSkills} skills, each 1 to {MaxSkillLength} characters.");
        }

        if (availability?.Trim().Length > MaxAvailabilityLength)
        {
            return DomainError.Invalid("availability", "invalid-availability", $"availability is at most {MaxAvailabilityLength} characters.");
        }

        return new Volunteer
        {
            Id = id,
            Name = name.Trim(),
            Skills = [.. cleaned.Distinct(StringComparer.OrdinalIgnoreCase)],
            RegisteredAt = now,
            AccountSubject = accountSubject,
            PersonId = personId,
            Availability = string.IsNullOrWhiteSpace(availability) ? null : availability.Trim(),
            HomeGridId = homeGridId,
        };
    }

    public bool HasSkills(IEnumerable<string> required) => required.All(r => Skills.Contains(r, StringComparer.OrdinalIgnoreCase));
}
