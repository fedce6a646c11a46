using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.BuildingBlocks.Api;
using Platform.Workflow.Data;

namespace Platform.Workflow.Notifications;

/// <summary>A notification as a list shows it: an SMS number only masked.</summary>
public sealed record NotificationResponse(
    Guid Id,
    Guid CaseId,
    string Channel,
    string Recipient,
    string Kind,
    string Text,
    NotificationStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt
)
{
    public static NotificationResponse From(Notification n) =>
        new(n.Id, n.CaseId, n.Channel, n.Recipient ?? n.Phone?.Masked ?? "", n.Kind, n.Text, n.Status, n.Attempts, n.LastError, n.CreatedAt, n.SentAt);
}

public static class NotificationsApi
{
    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("Notifications");
        notifications
            .MapGet("/mine", Mine)
            .WithName("MyNotifications")
            .AllowSignedIn()
            .WithDescription("The caller's in-app inbox: replies to their reports, and deadline warnings for what they handle.")
            .Refuses(400, "invalid-page", "invalid-page-size");
        notifications
            .MapGet("/mine/live", Live)
            .WithName("MyNotificationsLive")
            .AllowSignedIn()
            .WithDescription(
                "What arrived in the caller's inbox after a message (`after`, or the `Last-Event-ID` header), oldest first. "
                    + "With `Accept: text/event-stream` the answer stays open and sends each message as it arrives (event `notification`, "
                    + "its id the message's): a phone catches up from its last id on reconnecting. Otherwise, the messages after the "
                    + "cursor (up to 200) as JSON."
            )
            .Produces<IReadOnlyList<NotificationResponse>>(StatusCodes.Status200OK, "application/json", "text/event-stream");
        notifications
            .MapGet("/", List)
            .WithName("ListNotifications")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("What was sent about cases, by whom it was to be delivered and whether it was: the record of replies and warnings.")
            .Refuses(400, "invalid-page", "invalid-page-size", "invalid-status");
        return api;
    }

    public static async Task<Results<Ok<Page<NotificationResponse>>, ProblemHttpResult>> Mine(
        Caller caller,
        WorkflowDbContext db,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var addresses = Recipients.AddressesOf(caller);
        var query = db.Notifications.AsNoTracking().Where(n => n.Channel == NotificationChannels.App && addresses.Contains(n.Recipient!));
        return TypedResults.Ok(await query.OrderByDescending(n => n.CreatedAt).ToPageAsync(paging, NotificationResponse.From, ct));
    }

    public static async Task<IResult> Live(
        Caller caller,
        WorkflowDbContext db,
        LiveInbox live,
        IConfiguration configuration,
        IOptions<JsonOptions> json,
        TimeProvider clock,
        HttpContext http,
        Guid? after,
        CancellationToken ct
    )
    {
        var addresses = Recipients.AddressesOf(caller);
        // A reconnecting event stream names its last message in Last-Event-ID; a plain request in `after`.
        var last = Guid.TryParse(http.Request.Headers["Last-Event-ID"].ToString(), out var id) ? id : after;
        var cursor = await InboxCursor.StartAsync(db, addresses, clock.GetUtcNow(), last, ct);
        if (!http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/event-stream", StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Ok<IReadOnlyList<NotificationResponse>>([.. (await cursor.NextAsync(db, ct)).Select(NotificationResponse.From)]);
        }

        // A stream is kept for a while, then closed for the client to reconnect from its last id (proxies drop idle
        // connections; a closed stream also ends a replica's share of open ones when it is drained).
        var keepFor = configuration.GetValue("Platform:Workflow:Inbox:StreamFor", TimeSpan.FromMinutes(5));
        var heartbeat = configuration.GetValue("Platform:Workflow:Inbox:Heartbeat", TimeSpan.FromSeconds(20));
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache, no-store";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        await using var listener = await live.ListenAsync(addresses);
        await http.Response.WriteAsync("retry: 3000\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
        var until = clock.GetUtcNow() + keepFor;
        try
        {
            while (clock.GetUtcNow() < until)
            {
                foreach (var n in await cursor.NextAsync(db, ct))
                {
                    var data = System.Text.Json.JsonSerializer.Serialize(NotificationResponse.From(n), json.Value.SerializerOptions);
                    await http.Response.WriteAsync($"id: {n.Id}\nevent: notification\ndata: {data}\n\n", ct);
                }

                await http.Response.WriteAsync(": keep-alive\n\n", ct);
                await http.Response.Body.FlushAsync(ct);
                await listener.WaitAsync(heartbeat, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The phone went away: nothing to finish.
        }

        return Results.Empty;
    }

    public static async Task<Results<Ok<Page<NotificationResponse>>, ProblemHttpResult>> List(
        WorkflowDbContext db,
        Guid? caseId,
        [OneOf<NotificationStatus>] string? status,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        if (!EnumInput.ParseOptional<NotificationStatus>(status, "status").TryGet(out var wanted, out var statusError))
        {
            return Problems.From(statusError);
        }

        var query = db.Notifications.AsNoTracking();
        query = caseId is { } id ? query.Where(n => n.CaseId == id) : query;
        query = wanted is { } s ? query.Where(n => n.Status == s) : query;
        return TypedResults.Ok(await query.OrderByDescending(n => n.CreatedAt).ToPageAsync(paging, NotificationResponse.From, ct));
    }
}

/// <summary>Where a reader of the inbox stands: after the last delivered message it saw, in delivery order.</summary>
internal sealed class InboxCursor
{
    private const int Batch = 200;
    private readonly List<string> addresses;
    private readonly HashSet<Guid> seenAtCursor = [];
    private DateTimeOffset sentAt;

    private InboxCursor(List<string> addresses, DateTimeOffset sentAt) => (this.addresses, this.sentAt) = (addresses, sentAt);

    /// <summary>After the given message when it is the caller's, else from <paramref name="now"/> (nothing older is sent again).</summary>
    public static async Task<InboxCursor> StartAsync(WorkflowDbContext db, List<string> addresses, DateTimeOffset now, Guid? after, CancellationToken ct)
    {
        var from = after is { } last
            ? await db
                .Notifications.AsNoTracking()
                .Where(n => n.Id == last && n.Channel == NotificationChannels.App && addresses.Contains(n.Recipient!) && n.SentAt != null)
                .Select(n => n.SentAt)
                .FirstOrDefaultAsync(ct)
            : null;
        var cursor = new InboxCursor(addresses, from ?? now);
        if (from is not null)
        {
            cursor.seenAtCursor.Add(after!.Value);
        }

        return cursor;
    }

    public async Task<List<Notification>> NextAsync(WorkflowDbContext db, CancellationToken ct)
    {
        var at = sentAt;
        var rows = (
            await db
                .Notifications.AsNoTracking()
                .Where(n => n.Channel == NotificationChannels.App && n.Status == NotificationStatus.Sent && addresses.Contains(n.Recipient!) && n.SentAt >= at)
                .OrderBy(n => n.SentAt)
                .ThenBy(n => n.Id)
                .Take(Batch + seenAtCursor.Count)
                .ToListAsync(ct)
        )
            .Where(n => !(n.SentAt == at && seenAtCursor.Contains(n.Id)))
            .Take(Batch)
            .ToList();
        foreach (var n in rows)
        {
            if (n.SentAt != sentAt)
            {
                sentAt = n.SentAt!.Value;
                seenAtCursor.Clear();
            }

            seenAtCursor.Add(n.Id);
        }

        return rows;
    }
}
