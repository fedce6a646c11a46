using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;

namespace Platform.Workflow.Cases;

/// <summary>The order of a case list.</summary>
public enum CaseOrder
{
    Newest,
    Oldest,
    DueSoonest,
}

/// <summary>
/// The filters a case list and its counts share (everything but the state, which the counts are by), read and
/// checked once so the board's tabs always count what its list shows.
/// </summary>
public sealed record CaseFilter(
    string? Category,
    Guid? GridId,
    Guid? CommunityId,
    HandlerLevel? HandlerLevel,
    string? Department,
    Guid? HandledBy,
    bool? Overdue,
    bool? Open,
    CaseChannel? Channel,
    CasePriority? Priority,
    CaseType? Type,
    DateTimeOffset? From,
    DateTimeOffset? To
)
{
    public static Result<CaseFilter> Parse(
        string? category,
        Guid? gridId,
        Guid? communityId,
        string? handlerLevel,
        string? department,
        Guid? handledBy,
        bool? overdue,
        bool? open,
        string? channel,
        string? priority,
        string? type,
        DateTimeOffset? from,
        DateTimeOffset? to
    )
    {
        var levels = EnumInput.ParseOptional<HandlerLevel>(handlerLevel, "handlerLevel");
        var channels = EnumInput.ParseOptional<CaseChannel>(channel, "channel");
        var priorities = EnumInput.ParseOptional<CasePriority>(priority, "priority");
        var types = EnumInput.ParseOptional<CaseType>(type, "type");
        if ((levels.Error ?? channels.Error ?? priorities.Error ?? types.Error) is { } error)
        {
            return error;
        }

        if (from is { } f && to is { } t && t <= f)
        {
            return DomainError.Invalid("to", "invalid-period", "to must be after from.");
        }

        return new CaseFilter(
            category,
            gridId,
            communityId,
            levels.Value,
            department,
            handledBy,
            overdue,
            open,
            channels.Value,
            priorities.Value,
            types.Value,
            from,
            to
        );
    }

    public IQueryable<Case> Apply(IQueryable<Case> query)
    {
        query = Open switch
        {
            true => query.Where(c => c.State != CaseState.Closed && c.State != CaseState.Voided),
            false => query.Where(c => c.State == CaseState.Closed || c.State == CaseState.Voided),
            null => query,
        };
        query = Category is { } category ? query.Where(c => c.Category == category) : query;
        query = GridId is { } g ? query.Where(c => c.GridId == g) : query;
        query = CommunityId is { } cm ? query.Where(c => c.CommunityId == cm) : query;
        query = HandlerLevel is { } l ? query.Where(c => c.HandlerLevel == l) : query;
        query = Department is { } department ? query.Where(c => c.Department == department) : query;
        query = HandledBy is { } person ? query.Where(c => c.HandledByPersonId == person) : query;
        query = Channel is { } ch ? query.Where(c => c.Channel == ch) : query;
        query = Priority is { } p ? query.Where(c => c.Priority == p) : query;
        query = Type is { } k ? query.Where(c => c.Type == k) : query;
        query = From is { } since ? query.Where(c => c.ReportedAt >= since) : query;
        query = To is { } until ? query.Where(c => c.ReportedAt < until) : query;
        return Overdue switch
        {
            true => query.Where(c => c.Deadline.OverdueAt != null && (c.State == CaseState.Dispatched || c.State == CaseState.Accepted)),
            false => query.Where(c => c.Deadline.OverdueAt == null || (c.State != CaseState.Dispatched && c.State != CaseState.Accepted)),
            null => query,
        };
    }
}
