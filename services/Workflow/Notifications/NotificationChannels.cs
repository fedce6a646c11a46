using Microsoft.EntityFrameworkCore;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;

namespace Platform.Workflow.Notifications;

/// <summary>
/// A way to reach people. The in-app inbox ships here; an SMS gateway or app-push provider plugs in by
/// registering another <see cref="INotificationChannel"/> for its channel name.
/// </summary>
public interface INotificationChannel
{
    string Name { get; }

    /// <summary>Delivers one notification; <paramref name="address"/> is the revealed phone for SMS, else the recipient.</summary>
    Task DeliverAsync(Notification notification, string address, CancellationToken ct);
}

public static class NotificationChannels
{
    public const string App = "app";
    public const string Sms = "sms";
}

/// <summary>The in-app inbox: the notification row is the message, read at <c>GET /api/workflow/notifications/mine</c>.</summary>
public sealed class AppInboxChannel : INotificationChannel
{
    public string Name => NotificationChannels.App;

    public Task DeliverAsync(Notification notification, string address, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>Who hears about a case: its reporters for a reply, its handler for a deadline warning.</summary>
public static class Recipients
{
    public static IEnumerable<Notification> ForReply(Case @case, DateTimeOffset now)
    {
        var text = $"您反映的问题（案件 {@case.Number}）已办理：{@case.Reply}";
        var seen = new HashSet<string>();
        foreach (var reporter in @case.Reporters)
        {
            var address =
                reporter.Subject is { } subject ? $"account:{subject}"
                : reporter.PersonId is { } person ? $"person:{person}"
                : null;
            if (address is not null)
            {
                if (seen.Add(address))
                {
                    yield return Notification.ToApp(@case.Id, address, "Reply", text, now);
                }
            }
            else if (reporter.Phone is { } phone && seen.Add(phone.Cipher))
            {
                yield return Notification.BySms(@case.Id, phone, "Reply", text, now);
            }
        }
    }

    public static async Task<List<Notification>> ForHandlerAsync(
        WorkflowDbContext db,
        Case @case,
        string kind,
        string text,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        List<string> addresses = @case.HandlerLevel switch
        {
            HandlerLevel.Grid when @case.GridId is { } grid => await db
                .GridPosts.AsNoTracking()
                .Where(p => p.GridId == grid && p.Active && (p.Post == "Leader" || p.Post == "Assistant"))
                .Select(p => "person:" + p.PersonId)
                .Distinct()
                .ToListAsync(ct),
            HandlerLevel.Community when @case.CommunityId is { } community => [$"community:{community}"],
            HandlerLevel.Department when @case.Department is { } department => [$"department:{department}"],
            _ => ["subdistrict"],
        };
        // A grid whose staff this service has not heard of yet: its community hears instead.
        if (addresses.Count == 0 && @case.CommunityId is { } fallback)
        {
            addresses.Add($"community:{fallback}");
        }

        return [.. addresses.Select(a => Notification.ToApp(@case.Id, a, kind, text, now))];
    }

    /// <summary>Every inbox address a caller reads.</summary>
    public static List<string> AddressesOf(Caller caller)
    {
        var addresses = new List<string>();
        if (caller.Subject.Length > 0)
        {
            addresses.Add($"account:{caller.Subject}");
        }

        if (caller.PersonId is { } person)
        {
            addresses.Add($"person:{person}");
        }

        if (caller.IsIn(Roles.CommunityStaff))
        {
            addresses.AddRange(caller.Communities.Select(c => $"community:{c}"));
        }

        if (caller.IsIn(Roles.DepartmentHandler))
        {
            addresses.AddRange(caller.Departments.Select(d => $"department:{d}"));
        }

        if (caller.IsIn(Roles.SubdistrictAdmin, Roles.SubdistrictCadre))
        {
            addresses.Add("subdistrict");
        }

        return addresses;
    }
}
