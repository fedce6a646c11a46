using System.ComponentModel.DataAnnotations;
using Platform.BuildingBlocks.Api;

namespace Platform.Workflow.Mediation;

public sealed record PartyRequest([property: OneOf<PartyRole>] [property: Required] string? Role, [property: Required] string? Name, string? Phone);

public sealed record SessionRequest(DateTimeOffset? HeldAt, IReadOnlyList<string>? Attendees, string? Summary);

public sealed record MeetingRequest(DateTimeOffset? HeldAt, string? Community, string? HomeownersCommittee, string? PropertyCompany, string? Summary);

/// <summary>A tripartite agreement: its terms and who does what by when.</summary>
public sealed record AgreementRequest(string? Terms, IReadOnlyList<AgreedTask>? Tasks);

/// <summary>A mediation agreement (调解协议): its terms and what each party undertakes.</summary>
public sealed record MediationAgreementRequest([property: Required] string? Terms, IReadOnlyList<Undertaking>? Undertakings);

/// <summary>What one party (by its role, a party on record) undertakes.</summary>
public sealed record Undertaking([property: OneOf<PartyRole>] [property: Required] string? Party, [property: Required] string? Undertakes);

public sealed record ReferralRequest(string? To, string? Reason);

public sealed record FollowUpRequest([property: Required] bool? Kept, string? Note);

/// <summary>What came of an agreed task.</summary>
public sealed record TaskDoneRequest(string? Outcome);
