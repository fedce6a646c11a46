using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.BuildingBlocks.Domain;

namespace Platform.Organization.Indices;

[JsonConverter(typeof(JsonStringEnumConverter<RubricStatus>))]
public enum RubricStatus
{
    Draft,
    Published,
}

/// <summary>
/// A stored version of an index's rubric. Admins edit the one draft, then publish it from a date on; a
/// published version never changes, and a period is scored by the version in force at its start.
/// </summary>
public sealed class RubricVersion
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private RubricVersion() { }

    public Guid Id { get; private set; }

    public IndexKind Index { get; private set; }

    public int Version { get; private set; }

    public RubricStatus Status { get; private set; }

    /// <summary>The first day the version scores; null while a draft.</summary>
    public DateOnly? EffectiveFrom { get; private set; }

    /// <summary>The rubric itself (components, items, caps, resets, grades), as JSON.</summary>
    public string Definition { get; private set; } = "";

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public Rubric Rubric => JsonSerializer.Deserialize<Rubric>(Definition, Json)! with { Version = Version };

    /// <summary>The built-in version 1 of an index, in force from the start.</summary>
    public static RubricVersion BuiltIn(Rubric rubric) =>
        new()
        {
            Id = new Guid(0x0195b000, 0, 0x7000, 0x80, 0, 0, 0, 0, 0, 0, (byte)(rubric.Index + 1)),
            Index = rubric.Index,
            Version = rubric.Version,
            Status = RubricStatus.Published,
            EffectiveFrom = new DateOnly(2000, 1, 1),
            Definition = JsonSerializer.Serialize(rubric, Json),
            ChangedBy = "built-in",
            ChangedAt = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero),
            PublishedAt = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero),
        };

    /// <summary>A new draft: a copy of the latest version, numbered after it.</summary>
    public static RubricVersion DraftFrom(RubricVersion latest, string by, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            Index = latest.Index,
            Version = latest.Version + 1,
            Status = RubricStatus.Draft,
            Definition = latest.Definition,
            ChangedBy = by,
            ChangedAt = now,
        };

    /// <summary>Replaces the draft's rubric; every problem with it is named, and nothing changes if there is one.</summary>
    public IReadOnlyList<DomainError> Edit(Rubric rubric, string by, DateTimeOffset now)
    {
        if (Status != RubricStatus.Draft)
        {
            return [DomainError.Conflict("rubric-published", $"Version {Version} is published and never changes: edit a new draft.")];
        }

        var fixedRubric = rubric with { Index = Index, Version = Version };
        var problems = fixedRubric.Check();
        if (problems.Count == 0)
        {
            (Definition, ChangedBy, ChangedAt) = (JsonSerializer.Serialize(fixedRubric, Json), by, now);
        }

        return problems;
    }

    /// <summary>Publishes the draft from a day on: not in the past, and after the version now in force began.</summary>
    public DomainError? Publish(DateOnly effectiveFrom, DateOnly today, DateOnly latestEffectiveFrom, string by, DateTimeOffset now)
    {
        if (Status != RubricStatus.Draft)
        {
            return DomainError.Conflict("rubric-published", $"Version {Version} is already published.");
        }

        if (effectiveFrom < today || effectiveFrom <= latestEffectiveFrom)
        {
            return DomainError.Invalid(
                "effectiveFrom",
                "invalid-effective-date",
                "A version takes effect from today or later, after the version in force (from "
                    + $"{latestEffectiveFrom:yyyy-MM-dd}): periods already scored keep their rubric."
            );
        }

        if (Rubric.Check() is [var first, ..])
        {
            return first;
        }

        (Status, EffectiveFrom, PublishedAt, ChangedBy, ChangedAt) = (RubricStatus.Published, effectiveFrom, now, by, now);
        return null;
    }
}
