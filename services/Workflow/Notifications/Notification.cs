using System.Text.Json.Serialization;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Workflow.Notifications;

[JsonConverter(typeof(JsonStringEnumConverter<NotificationStatus>))]
public enum NotificationStatus
{
    Pending,
    Sent,

    /// <summary>No provider delivers this channel here (an SMS gateway is not configured, say); kept as a record.</summary>
    Undeliverable,

    /// <summary>The provider refused it after the last attempt.</summary>
    Failed,
}

/// <summary>
/// A message to someone about a case (a reply to its reporter, a warning to its handler), written in the same
/// transaction as the change that caused it, then delivered by <see cref="NotificationDispatcher"/> through the
/// channel's provider: this table is both the outbox and the record of what was sent. Recipients are
/// <c>account:{subject}</c>, <c>person:{id}</c>, <c>department:{code}</c>, <c>community:{id}</c>, or, for SMS, a
/// phone number kept protected.
/// </summary>
public sealed class Notification
{
    public const int MaxAttempts = 5;

    private Notification() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>app (the in-app inbox) or sms.</summary>
    public string Channel { get; private set; } = "";

    /// <summary>The recipient's address on the channel; null for SMS, whose number is in <see cref="Phone"/>.</summary>
    public string? Recipient { get; private set; }

    public ProtectedValue? Phone { get; private set; }

    /// <summary>Reply, Warning or Escalation.</summary>
    public string Kind { get; private set; } = "";

    public string Text { get; private set; } = "";

    public NotificationStatus Status { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    public static Notification ToApp(Guid caseId, string recipient, string kind, string text, DateTimeOffset now) =>
        New(caseId, NotificationChannels.App, recipient, null, kind, text, now);

    public static Notification BySms(Guid caseId, ProtectedValue phone, string kind, string text, DateTimeOffset now) =>
        New(caseId, NotificationChannels.Sms, null, phone, kind, text, now);

    public void Sent(DateTimeOffset now) => (Status, SentAt, NextAttemptAt, Attempts) = (NotificationStatus.Sent, now, null, Attempts + 1);

    public void NoProvider(DateTimeOffset now) =>
        (Status, LastError, NextAttemptAt) = (NotificationStatus.Undeliverable, $"No {Channel} provider is configured.", null);

    /// <summary>A failed attempt: tried again later with a growing pause, until <see cref="MaxAttempts"/>.</summary>
    public void AttemptFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        (Status, NextAttemptAt) =
            Attempts >= MaxAttempts
                ? (NotificationStatus.Failed, (DateTimeOffset?)null)
                : (NotificationStatus.Pending, now + TimeSpan.FromSeconds(Math.Pow(4, Attempts)));
    }

    private static Notification New(Guid caseId, string channel, string? recipient, ProtectedValue? phone, string kind, string text, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(now),
            CaseId = caseId,
            Channel = channel,
            Recipient = recipient,
            Phone = phone,
            Kind = kind,
            Text = text,
            Status = NotificationStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
}
