namespace Platform.Organization.Accounts;

/// <summary>
/// A sign-in account: staff and residents sign in with a password; repeated failures lock the account for a
/// while. The password is kept only as an ASP.NET Core Identity hash.
/// </summary>
public sealed class UserAccount
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);

    private UserAccount()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Stored lower-case: sign-in ignores case.</summary>
    public string UserName { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    /// <summary>The person the account belongs to, when the Organization service knows them.</summary>
    public Guid? PersonId { get; private set; }

    public List<string> Roles { get; private set; } = [];

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public bool Disabled { get; private set; }

    public static UserAccount Create(string userName, string passwordHash, IEnumerable<string> roles, Guid? personId) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = userName.Trim().ToLowerInvariant(),
        PasswordHash = passwordHash,
        Roles = [.. roles],
        PersonId = personId,
    };

    public bool IsLockedOut(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public bool CanSignIn(DateTimeOffset now) => !Disabled && !IsLockedOut(now);

    /// <summary>Counts a wrong password; the fifth in a row locks the account.</summary>
    /// <returns>True when this failure locked the account.</returns>
    public bool RecordFailure(DateTimeOffset now)
    {
        FailedAttempts++;
        if (FailedAttempts < MaxFailures)
        {
            return false;
        }

        FailedAttempts = 0;
        LockedUntil = now + LockoutFor;
        return true;
    }

    public void RecordSuccess()
    {
        FailedAttempts = 0;
        LockedUntil = null;
    }

    public void Rehash(string passwordHash) => PasswordHash = passwordHash;
}
