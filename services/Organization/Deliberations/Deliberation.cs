using Platform.BuildingBlocks.Domain;

namespace Platform.Organization.Deliberations;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<PartyKind>))]
public enum PartyKind
{
    Community,
    HomeownersCommittee,
    PropertyCompany,
    Residents,
    MemberUnit,
    SocialOrganization,
    Other,
}

public sealed record DeliberationParty(PartyKind Kind, string Name);

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ResolutionStatus>))]
public enum ResolutionStatus
{
    Open,
    Done,
}

/// <summary>A resolution and who follows it up, tracked until done.</summary>
public sealed record Resolution(Guid Id, string Text, string FollowUpBy, DateOnly? Due, ResolutionStatus Status, string? Outcome, DateTimeOffset? DoneAt);

/// <summary>议事协商: a community meeting on a topic with the parties concerned, its record and resolutions.</summary>
public sealed class Deliberation
{
    private Deliberation() { }

    /// <summary>The community's staff (and the cadres assigned to it) see its deliberations.</summary>
    public static readonly Scope<Deliberation> Scope = new() { Community = d => d.CommunityId };

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Topic { get; private set; } = "";

    public DateTimeOffset HeldAt { get; private set; }

    public List<DeliberationParty> Parties { get; private set; } = [];

    public string Record { get; private set; } = "";

    public List<Resolution> Resolutions { get; private set; } = [];

    public bool IsSettled => Resolutions.All(r => r.Status == ResolutionStatus.Done);

    public static Result<Deliberation> Hold(
        Guid communityId,
        string? topic,
        DateTimeOffset heldAt,
        IReadOnlyCollection<DeliberationParty>? parties,
        string? record,
        IReadOnlyCollection<(string Text, string FollowUpBy, DateOnly? Due)>? resolutions
    )
    {
        if (string.IsNullOrWhiteSpace(topic) || topic.Trim().Length > 200)
        {
            return DomainError.Invalid("topic", "invalid-topic", "topic is required and at most 200 characters.");
        }

        if (heldAt == default)
        {
            return DomainError.Invalid("heldAt", "held-at-required", "heldAt is required: when the meeting took place.");
        }

        if (parties is null || parties.Count < 2 || parties.Any(p => string.IsNullOrWhiteSpace(p.Name)))
        {
            return DomainError.Invalid("parties", "parties-required", "A deliberation has at least two named parties.");
        }

        if (string.IsNullOrWhiteSpace(record) || record.Length > 10_000)
        {
            return DomainError.Invalid("record", "record-required", "record (what was said) is required, at most 10,000 characters.");
        }

        if ((resolutions ?? []).Any(r => string.IsNullOrWhiteSpace(r.Text) || string.IsNullOrWhiteSpace(r.FollowUpBy)))
        {
            return DomainError.Invalid("resolutions", "invalid-resolution", "Each resolution needs its text and who follows it up.");
        }

        return new Deliberation
        {
            Id = Guid.CreateVersion7(),
            CommunityId = communityId,
            Topic = topic.Trim(),
            HeldAt = heldAt,
            Parties = [.. parties.Select(p => p with { Name = p.Name.Trim() })],
            Record = record.Trim(),
            Resolutions =
            [
                .. (resolutions ?? []).Select(r => new Resolution(
                    Guid.CreateVersion7(),
                    r.Text.Trim(),
                    r.FollowUpBy.Trim(),
                    r.Due,
                    ResolutionStatus.Open,
                    null,
                    null
                )),
            ],
        };
    }

    public DomainError? CompleteResolution(Guid resolutionId, string? outcome, DateTimeOffset now)
    {
        var index = Resolutions.FindIndex(r => r.Id == resolutionId);
        if (index < 0)
        {
            return DomainError.NotFound("resolution-not-found", $"No resolution {resolutionId} in this deliberation.");
        }

        if (Resolutions[index].Status == ResolutionStatus.Done)
        {
            return DomainError.Conflict("resolution-done", "The resolution is already done.");
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            return DomainError.Invalid("outcome", "outcome-required", "Say how the resolution was carried out.");
        }

        Resolutions[index] = Resolutions[index] with { Status = ResolutionStatus.Done, Outcome = outcome.Trim(), DoneAt = now };
        Resolutions = [.. Resolutions];
        return null;
    }
}
