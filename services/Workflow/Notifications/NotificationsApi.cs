using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Api;
using Platform.Workflow.Data;

namespace Platform.Workflow.Notifications;

/// <summary>A notification as a list shows it: an SMS number only masked.</summary>
public sealed record NotificationResponse(
    Guid Id, Guid CaseId, string Channel, string Recipient, string Kind, string Text, NotificationStatus Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt)
{
    public static NotificationResponse From(Notification n) =>
        new(n.Id, n.CaseId, n.Channel, n.Recipient ?? n.Phone?.Masked ?? "", n.Kind, n.Text, n.Status, n.Attempts, n.LastError, n.CreatedAt, n.SentAt);
}

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications.MapGet("/mine", Mine).WithName("MyNotifications").AllowSignedIn()
            .WithDescription("The caller's in-app inbox: replies to their reports, and deadline warnings for what they handle.")
            .Refuses(400, "invalid-page", "invalid-page-size");
        notifications.MapGet("/", List).WithName("ListNotifications").Allow(Roles.SubdistrictAdmin)
            .WithDescription("What was sent about cases, by whom it was to be delivered and whether it was: the record of replies and warnings.")
            .Refuses(400, "invalid-page", "invalid-page-size", "invalid-status");
        return api;
    }

    public static async Task<Results<Ok<Page<NotificationResponse>>, ProblemHttpResult>> Mine(Caller caller, WorkflowDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.Validate(page, pageSize);
        if (paging.Error is { } error)
        {
            return Problems.From(error);
        }

        var addresses = Recipients.AddressesOf(caller);
        var query = db.Notifications.AsNoTracking().Where(n => n.Channel == NotificationChannels.App && addresses.Contains(n.Recipient!));
        return TypedResults.Ok(await query.OrderByDescending(n => n.CreatedAt).ToPageAsync(paging.Value, NotificationResponse.From, ct));
    }

    public static async Task<Results<Ok<Page<NotificationResponse>>, ProblemHttpResult>> List(
        WorkflowDbContext db, Guid? caseId, [OneOf<NotificationStatus>] string? status, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.Validate(page, pageSize);
        if (paging.Error is { } error)
        {
            return Problems.From(error);
        }

        var wanted = EnumInput.ParseOptional<NotificationStatus>(status, "status");
        if (wanted.Error is { } statusError)
        {
            return Problems.From(statusError);
        }

        var query = db.Notifications.AsNoTracking();
        query = caseId is { } id ? query.Where(n => n.CaseId == id) : query;
        query = wanted.Value is { } s ? query.Where(n => n.Status == s) : query;
        return TypedResults.Ok(await query.OrderByDescending(n => n.CreatedAt).ToPageAsync(paging.Value, NotificationResponse.From, ct));
    }
}
