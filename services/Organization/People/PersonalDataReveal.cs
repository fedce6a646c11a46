namespace Platform.Organization.People;

/// <summary>An audit record: someone saw a person's personal data whole, and why.</summary>
public sealed class PersonalDataReveal
{
    private PersonalDataReveal() { }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public string RevealedBy { get; private set; } = "";

    public string Reason { get; private set; } = "";

    public DateTimeOffset RevealedAt { get; private set; }

    public static PersonalDataReveal Record(Guid personId, string revealedBy, string reason, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            RevealedBy = revealedBy,
            Reason = reason,
            RevealedAt = at,
        };
}
