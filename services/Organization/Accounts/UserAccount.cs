using Platform.BuildingBlocks.Domain;

namespace Platform.Organization.Accounts;

/// <summary>
/// A sign-in account: staff and residents sign in with a password; repeated failures lock the account for a
/// while. The password is kept only as an ASP.NET Core Identity hash.
/// </summary>
public sealed class UserAccount
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);

    private UserAccount() { }

    public Guid Id { get; private set; }

    /// <summary>Stored lower-case: sign-in ignores case.</summary>
    public string UserName { get; private set; } = "";

    public string PasswordHash { get; private set; } = "";

    /// <summary>The person the account belongs to, when the Organization service knows them.</summary>
    public Guid? PersonId { get; private set; }

    public List<string> Roles { get; private set; } = [];

    /// <summary>The department a department handler works for (its code, as the Grid service's layers name it).</summary>
    public string? Department { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public bool Disabled { get; private set; }

    public const int MinPasswordLength = 10;
    public const int MaxDepartmentLength = 50;

    public static UserAccount Create(
        string userName,
        string passwordHash,
        IEnumerable<string> roles,
        Guid? personId,
        string? department = null,
        Guid? id = null
    ) =>
        new()
        {
            Id = id ?? Guid.CreateVersion7(),
            UserName = userName.Trim().ToLowerInvariant(),
            PasswordHash = passwordHash,
            Roles = [.. roles],
            PersonId = personId,
            Department = department,
        };

    /// <summary>User names are 3–50 characters of letters, digits, dot, dash and underscore.</summary>
    public static DomainError? CheckUserName(string? userName) =>
        userName is { Length: >= 3 and <= 50 } && userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            ? null
            : DomainError.Invalid("userName", "invalid-user-name", "userName is 3 to 50 characters: letters, digits, '.', '-' or '_'.");

    public static DomainError? CheckPassword(string? password) =>
        password is { Length: >= MinPasswordLength and <= 128 } && password.Any(char.IsLetter) && password.Any(char.IsDigit)
            ? null
            : DomainError.Invalid("password", "weak-password", $"password is {MinPasswordLength} to 128 characters with at least one letter and one digit.");

    /// <summary>
    /// Grants roles: each must be known; a department handler names their department, and only they do; the
    /// roles that act for a person (community and grid staff, party member, unit liaison) need the account to
    /// belong to one.
    /// </summary>
    public static DomainError? CheckRoles(IReadOnlyCollection<string> roles, string? department, Guid? personId)
    {
        if (roles.Count == 0 || roles.Any(r => !BuildingBlocks.Security.Roles.IsKnown(r)))
        {
            return DomainError.Invalid("roles", "unknown-role", $"roles is a non-empty list of: {string.Join(", ", BuildingBlocks.Security.Roles.All)}.");
        }

        var handler = roles.Contains(BuildingBlocks.Security.Roles.DepartmentHandler);
        if (handler != !string.IsNullOrWhiteSpace(department) || department?.Trim().Length > MaxDepartmentLength)
        {
            return DomainError.Invalid(
                "department",
                "department-mismatch",
                "A department handler names their department (at most 50 characters); other roles name none."
            );
        }

        string[] personal =
        [
            BuildingBlocks.Security.Roles.CommunityStaff,
            BuildingBlocks.Security.Roles.GridStaff,
            BuildingBlocks.Security.Roles.PartyMember,
            BuildingBlocks.Security.Roles.UnitLiaison,
        ];
        if (personId is null && roles.Any(personal.Contains))
        {
            return DomainError.Invalid(
                "personId",
                "person-required",
                "Community staff, grid staff, party members and unit liaisons sign in as a known person: give personId."
            );
        }

        return null;
    }

    public void Grant(IEnumerable<string> roles, string? department)
    {
        Roles = [.. roles.Distinct(StringComparer.Ordinal)];
        Department = string.IsNullOrWhiteSpace(department) ? null : department.Trim();
    }

    public void Disable() => Disabled = true;

    public void Enable() => Disabled = false;

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
