using Platform.BuildingBlocks.PersonalData;

namespace Platform.Workflow.Mediation;

/// <summary>A party to a dispute in mediation. Name and phone are personal data: protected, masked when shown.</summary>
public sealed class CaseParty
{
    public const int MaxNameLength = 50;

    private CaseParty() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public PartyRole Role { get; private set; }

    public ProtectedValue Name { get; private set; } = null!;

    public ProtectedValue? Phone { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    internal static CaseParty Create(Guid caseId, PartyRole role, ProtectedValue name, ProtectedValue? phone, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Role = role,
            Name = name,
            Phone = phone,
            AddedAt = now,
        };
}
