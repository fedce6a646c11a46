using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.Organization.Data;

namespace Platform.Organization.Accounts;

public sealed record SecurityEventResponse(
    Guid Id,
    [property: OneOf<SecurityEventKind>] string Kind,
    string Actor,
    string Subject,
    string? Detail,
    DateTimeOffset At
)
{
    public static SecurityEventResponse From(SecurityEvent e) => new(e.Id, e.Kind.ToString(), e.Actor, e.Subject, e.Detail, e.At);
}

public static class SecurityEventsApi
{
    public static RouteGroupBuilder MapSecurityEventsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/security-events", List)
            .WithTags("Security audit")
            .WithName("ListSecurityEvents")
            .WithDescription(
                "The security audit log: sign-ins, failures, lockouts, account and role changes, post and area assignments, "
                    + "personal-data reveals; newest first."
            )
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "invalid-kind", "invalid-page", "invalid-page-size");
        return api;
    }

    public static async Task<Results<Ok<Page<SecurityEventResponse>>, ProblemHttpResult>> List(
        OrganizationDbContext db,
        [OneOf<SecurityEventKind>] string? kind,
        string? subject,
        DateTimeOffset? from,
        DateTimeOffset? to,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var kindFilter = EnumInput.ParseOptional<SecurityEventKind>(kind, "kind");
        if ((paging.Error ?? kindFilter.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.SecurityEvents.AsNoTracking();
        query = kindFilter.Value is { } k ? query.Where(e => e.Kind == k) : query;
        query = string.IsNullOrWhiteSpace(subject) ? query : query.Where(e => e.Subject == subject.Trim().ToLowerInvariant() || e.Subject == subject.Trim());
        query = from is { } f ? query.Where(e => e.At >= f) : query;
        query = to is { } t ? query.Where(e => e.At < t) : query;
        return TypedResults.Ok(await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPageAsync(paging.Value, SecurityEventResponse.From, ct));
    }
}
