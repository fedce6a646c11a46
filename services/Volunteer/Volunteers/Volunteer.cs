using Platform.ServiceDefaults.Domain;

namespace Platform.Volunteer.Volunteers;

/// <summary>Someone who gives service hours: a resident, a party member, a unit's employee.</summary>
public sealed class Volunteer
{
    public const int MaxNameLength = 50;
    public const int MaxSkills = 20;
    public const int MaxSkillLength = 40;

    private Volunteer()
    {
    }

    /// <summary>Organizers see every volunteer; a volunteer sees their own record.</summary>
    public static readonly Scope<Volunteer> Scope = new() { SeenWholeBy = Roles.Organizers, Owner = v => v.AccountSubject };

    public Guid Id { get; private set; }

    /// <summary>The account that registered: the volunteer signed in, or the organizer who registered them.</summary>
    public string? AccountSubject { get; private set; }

    public string Name { get; private set; } = "";

    public List<string> Skills { get; private set; } = [];

    public DateTimeOffset RegisteredAt { get; private set; }

    public static Result<Volunteer> Register(Guid id, string? name, IReadOnlyCollection<string>? skills, string? accountSubject, DateTimeOffset now)
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

        return new Volunteer
        {
            Id = id,
            Name = name.Trim(),
            Skills = [.. cleaned.Distinct(StringComparer.OrdinalIgnoreCase)],
            RegisteredAt = now,
            AccountSubject = accountSubject,
        };
    }
}
