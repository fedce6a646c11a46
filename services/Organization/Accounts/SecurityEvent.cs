namespace Platform.Organization.Accounts;

public enum SecurityEventKind
{
    SignInSucceeded,
    SignInFailed,
    AccountLocked,
    SignInRefusedWhileLocked,
    PersonalDataRevealed,
    AccountCreated,
    RolesChanged,
    AccountDisabled,
    AccountEnabled,
    AccountUnlocked,
    PostAppointed,
    PostEnded,
    AreaAssigned,
    AreaAssignmentEnded,
}

/// <summary>An entry of the security audit log: what happened, to which account or person, when, and why.</summary>
public sealed class SecurityEvent
{
    public const int MaxDetailLength = 500;

    private SecurityEvent() { }

    public Guid Id { get; private set; }

    public SecurityEventKind Kind { get; private set; }

    /// <summary>Who acted: a user name, a client id, or "anonymous".</summary>
    public string Actor { get; private set; } = "";

    /// <summary>What it concerned: an account's user name, a person's id.</summary>
    public string Subject { get; private set; } = "";

    public string? Detail { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static SecurityEvent Record(SecurityEventKind kind, string actor, string subject, string? detail, DateTimeOffset at) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            Kind = kind,
            Actor = Truncate(actor, 100),
            Subject = Truncate(subject, 100),
            Detail = detail is null ? null : Truncate(detail, MaxDetailLength),
            At = at,
        };

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
