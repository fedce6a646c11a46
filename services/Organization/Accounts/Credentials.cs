using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.Organization.Data;

namespace Platform.Organization.Accounts;

/// <summary>
/// A user name and password checked the one way the suite knows, whether they come to the token endpoint (scripts) or
/// to the sign-in page (browsers): unknown names, wrong passwords, locked and disabled accounts refused with the same
/// words and audited; five failures in a row lock the account.
/// </summary>
public static class Credentials
{
    public const string Wrong = "The user name or password is wrong.";
    public const string Locked = "The account is locked after repeated failures; try again later.";
    public const string Disabled = "The account is disabled.";

    /// <summary>The account, or why it may not sign in (in words for the person signing in).</summary>
    public sealed record Verdict(UserAccount? Account, string? Refusal);

    public static async Task<Verdict> CheckAsync(
        OrganizationDbContext db,
        IPasswordHasher<UserAccount> hasher,
        string? userNameGiven,
        string? password,
        string method,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var userName = (userNameGiven ?? "").Trim().ToLowerInvariant();
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
        {
            await AuditAsync(db, SecurityEventKind.SignInFailed, userName, "unknown user", now, ct);
            return new(null, Wrong);
        }

        if (!account.CanSignIn(now))
        {
            await AuditAsync(
                db,
                SecurityEventKind.SignInRefusedWhileLocked,
                userName,
                account.Disabled ? "disabled" : $"locked until {account.LockedUntil:O}",
                now,
                ct
            );
            return new(null, account.Disabled ? Disabled : Locked);
        }

        var verdict = hasher.VerifyHashedPassword(account, account.PasswordHash, password ?? "");
        if (verdict == PasswordVerificationResult.Failed)
        {
            var locked = account.RecordFailure(now);
            db.SecurityEvents.Add(SecurityEvent.Record(SecurityEventKind.SignInFailed, userName, userName, "wrong password", now));
            if (locked)
            {
                db.SecurityEvents.Add(
                    SecurityEvent.Record(SecurityEventKind.AccountLocked, userName, userName, $"{UserAccount.MaxFailures} failures in a row", now)
                );
            }

            await db.SaveChangesAsync(ct);
            return new(null, locked ? Locked : Wrong);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.Rehash(hasher.HashPassword(account, password!));
        }

        account.RecordSuccess();
        db.SecurityEvents.Add(SecurityEvent.Record(SecurityEventKind.SignInSucceeded, userName, userName, method, now));
        await db.SaveChangesAsync(ct);
        return new(account, null);
    }

    private static async Task AuditAsync(
        OrganizationDbContext db,
        SecurityEventKind kind,
        string userName,
        string detail,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        db.SecurityEvents.Add(SecurityEvent.Record(kind, userName, userName, detail, now));
        await db.SaveChangesAsync(ct);
    }
}
