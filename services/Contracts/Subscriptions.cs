using Platform.Contracts.Grid;
using Platform.Contracts.Organization;
using Platform.Contracts.Volunteer;
using Platform.Contracts.Workflow;

namespace Platform.Contracts;

/// <summary>
/// One service's standing interest in one event: its queue (<c>{service}-{endpoint}</c>) keeps every such event
/// for it, whether or not the service is running when the event is published.
/// </summary>
/// <param name="Service">The consuming service's name, the prefix of its queues.</param>
/// <param name="Endpoint">The consumer's endpoint name without the prefix (its class name in kebab case, without "Consumer").</param>
/// <param name="Event">The contract type it consumes.</param>
public sealed record Subscription(string Service, string Endpoint, Type Event)
{
    public string Queue => $"{Service}-{Endpoint}";
}

/// <summary>
/// Who consumes which event, for the whole suite. Every publishing service declares these queues and bindings on
/// the broker before it sends anything, so an event is kept for each subscriber that exists even when that
/// subscriber has never started yet; an event nobody subscribes to is sent once and goes nowhere. Each service
/// checks at start that the consumers it registers are exactly its entries here (a new consumer without an
/// entry stops the service), so the list cannot drift from the code. Removing an entry later needs its queue
/// deleted on the broker, or every publisher keeps declaring it and it fills (docs/architecture.md, How events leave a service).
/// </summary>
public static class Subscriptions
{
    public static IReadOnlyList<Subscription> All { get; } =
    [
        new("grid", "community-changed", typeof(CommunityChanged)),
        new("grid", "person-changed", typeof(PersonChanged)),
        new("organization", "grid-staff-changed", typeof(GridStaffChanged)),
        new("organization", "service-hours-input", typeof(ServiceHoursApproved)),
        new("organization", "case-closed-input", typeof(CaseClosed)),
        new("organization", "visit-input", typeof(VisitLogged)),
        new("organization", "assessment-input", typeof(AssessmentRecorded)),
        new("organization", "case-replied-input", typeof(CaseReplied)),
        new("organization", "case-overdue-input", typeof(CaseOverdue)),
        new("organization", "wish-fulfilled-input", typeof(WishFulfilled)),
        new("organization", "project-claimed-input", typeof(ProjectClaimed)),
        new("organization", "activity-completed-input", typeof(ActivityCompleted)),
        new("volunteer", "member-unit-joined", typeof(MemberUnitJoined)),
        new("volunteer", "person-changed", typeof(PersonChanged)),
        new("workflow", "grid-changed", typeof(GridChanged)),
        new("workflow", "layer-responsibility-changed", typeof(LayerResponsibilityChanged)),
        new("workflow", "grid-staff-changed", typeof(GridStaffChanged)),
        new("workflow", "building-registered", typeof(BuildingRegistered)),
        new("workflow", "community-changed", typeof(CommunityChanged)),
        new("workflow", "person-changed", typeof(PersonChanged)),
        new("workflow", "visit-logged", typeof(VisitLogged)),
    ];

    /// <summary>The broker's exchange for an event type, as MassTransit names it.</summary>
    public static string ExchangeOf(Type eventType) => $"{eventType.Namespace}:{eventType.Name}";
}
