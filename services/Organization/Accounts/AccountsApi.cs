using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Organization.Data;

namespace Platform.Organization.Accounts;

public sealed record CreateAccountRequest(
    [property: Required] string? UserName,
    [property: Required] string? Password,
    IReadOnlyList<string>? Roles,
    Guid? PersonId,
    string? Department
);

public sealed record SignUpRequest([property: Required] string? UserName, [property: Required] string? Password);

public sealed record GrantRolesRequest([property: Required] IReadOnlyList<string>? Roles, string? Department);

public sealed record AccountResponse(
    Guid Id,
    string UserName,
    IReadOnlyList<string> Roles,
    Guid? PersonId,
    string? Department,
    bool Disabled,
    DateTimeOffset? LockedUntil
)
{
    public static AccountResponse From(UserAccount a) => new(a.Id, a.UserName, a.Roles, a.PersonId, a.Department, a.Disabled, a.LockedUntil);
}

/// <summary>What the caller's token says about them: roles and the scope they act in.</summary>
public sealed record MeResponse(
    string Subject,
    string Name,
    IReadOnlyList<string> Roles,
    Guid? PersonId,
    IReadOnlyList<Guid> Communities,
    IReadOnlyList<Guid> Grids,
    IReadOnlyList<Guid> Units,
    IReadOnlyList<string> Departments
);

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts
            .MapPost("/", Create)
            .WithName("CreateAccount")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Creates a sign-in account for staff or a resident with the given roles. Audited.")
            .Refuses(400, "invalid-user-name", "weak-password")
            .Refuses(409, "user-name-taken");
        accounts.MapGet("/", List).WithName("ListAccounts").Allow(Roles.SubdistrictAdmin).Refuses(400, "invalid-page", "invalid-page-size", "unknown-role");
        accounts.MapGet("/{id:guid}", Get).WithName("GetAccount").Allow(Roles.SubdistrictAdmin).Refuses(404, "account-not-found");
        accounts
            .MapPut("/{id:guid}/roles", GrantRoles)
            .WithName("GrantRoles")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Replaces the account's roles (and department). Audited; takes effect at the next sign-in or token refresh.")
            .Refuses(400, "department-mismatch", "person-required", "unknown-role")
            .Refuses(404, "account-not-found");
        accounts.MapPost("/{id:guid}/disable", Disable).WithName("DisableAccount").Allow(Roles.SubdistrictAdmin).Refuses(404, "account-not-found");
        accounts.MapPost("/{id:guid}/enable", Enable).WithName("EnableAccount").Allow(Roles.SubdistrictAdmin).Refuses(404, "account-not-found");
        accounts.MapPost("/{id:guid}/unlock", Unlock).WithName("UnlockAccount").Allow(Roles.SubdistrictAdmin).Refuses(404, "account-not-found");
        accounts
            .MapPost("/sign-up", SignUp)
            .WithName("SignUp")
            .Idempotent()
            .AllowPublic()
            .WithDescription("A resident creates their own account (role resident) and then signs in.")
            .Refuses(400, "invalid-user-name", "weak-password")
            .Refuses(409, "user-name-taken");
        accounts.MapGet("/me", Me).WithName("GetMe").AllowSignedIn().WithDescription("The caller's roles and scopes, as their access token states them.");
        return api;
    }

    public static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> Create(
        CreateAccountRequest request,
        Caller caller,
        OrganizationDbContext db,
        IPasswordHasher<UserAccount> hasher,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var roles = request.Roles ?? [];
        if (
            (
                UserAccount.CheckUserName(request.UserName)
                ?? UserAccount.CheckPassword(request.Password)
                ?? UserAccount.CheckRoles(roles, request.Department, request.PersonId)
            ) is
            { } error
        )
        {
            return Problems.From(error);
        }

        if (request.PersonId is { } person && !await db.People.AnyAsync(p => p.Id == person, ct))
        {
            return Problems.From(DomainError.Invalid("personId", "unknown-person", $"No person with id {person}."));
        }

        return await AddAsync(
            db,
            hasher,
            UserAccount.Create(request.UserName!, "", roles, request.PersonId, request.Department?.Trim()),
            request.Password!,
            caller.Name,
            clock.GetUtcNow(),
            ct
        );
    }

    public static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> SignUp(
        SignUpRequest request,
        OrganizationDbContext db,
        IPasswordHasher<UserAccount> hasher,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if ((UserAccount.CheckUserName(request.UserName) ?? UserAccount.CheckPassword(request.Password)) is { } error)
        {
            return Problems.From(error);
        }

        return await AddAsync(
            db,
            hasher,
            UserAccount.Create(request.UserName!, "", [Roles.Resident], null),
            request.Password!,
            "self-sign-up",
            clock.GetUtcNow(),
            ct
        );
    }

    public static async Task<Results<Ok<Page<AccountResponse>>, ProblemHttpResult>> List(
        OrganizationDbContext db,
        string? role,
        string? userName,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        if (role is not null && !Roles.IsKnown(role))
        {
            return Problems.From(DomainError.Invalid("role", "unknown-role", $"role is one of: {string.Join(", ", Roles.All)}."));
        }

        var query = db.UserAccounts.AsNoTracking();
        query = role is null ? query : query.Where(a => a.Roles.Contains(role));
        query = string.IsNullOrWhiteSpace(userName) ? query : query.Where(a => a.UserName.StartsWith(userName.Trim().ToLower()));
        return TypedResults.Ok(await query.OrderBy(a => a.UserName).ToPageAsync(paging, AccountResponse.From, ct));
    }

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Get(Guid id, OrganizationDbContext db, CancellationToken ct) =>
        await db.UserAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } account
            ? TypedResults.Ok(AccountResponse.From(account))
            : Problems.NotFound("account", id);

    public static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GrantRoles(
        Guid id,
        GrantRolesRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Problems.NotFound("account", id);
        }

        var roles = request.Roles ?? [];
        if (UserAccount.CheckRoles(roles, request.Department, account.PersonId) is { } error)
        {
            return Problems.From(error);
        }

        var before = $"{string.Join(",", account.Roles)}{(account.Department is null ? "" : $" ({account.Department})")}";
        account.Grant(roles, request.Department);
        var after = $"{string.Join(",", account.Roles)}{(account.Department is null ? "" : $" ({account.Department})")}";
        db.SecurityEvents.Add(SecurityEvent.Record(SecurityEventKind.RolesChanged, caller.Name, account.UserName, $"{before} → {after}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AccountResponse.From(account));
    }

    public static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Disable(
        Guid id,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ChangeAsync(id, caller, db, clock, SecurityEventKind.AccountDisabled, a => a.Disable(), ct);

    public static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Enable(
        Guid id,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ChangeAsync(id, caller, db, clock, SecurityEventKind.AccountEnabled, a => a.Enable(), ct);

    public static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> Unlock(
        Guid id,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    ) => ChangeAsync(id, caller, db, clock, SecurityEventKind.AccountUnlocked, a => a.RecordSuccess(), ct);

    public static Ok<MeResponse> Me(Caller caller) =>
        TypedResults.Ok(
            new MeResponse(
                caller.Subject,
                caller.Name,
                [.. caller.Roles.Order()],
                caller.PersonId,
                [.. caller.Communities.Order()],
                [.. caller.Grids.Order()],
                [.. caller.Units.Order()],
                [.. caller.Departments.Order()]
            )
        );

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> AddAsync(
        OrganizationDbContext db,
        IPasswordHasher<UserAccount> hasher,
        UserAccount account,
        string password,
        string actor,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        if (await db.UserAccounts.AnyAsync(a => a.UserName == account.UserName, ct))
        {
            return Problems.From(DomainError.Conflict("user-name-taken", $"The user name '{account.UserName}' is taken."));
        }

        account.Rehash(hasher.HashPassword(account, password));
        db.UserAccounts.Add(account);
        db.SecurityEvents.Add(SecurityEvent.Record(SecurityEventKind.AccountCreated, actor, account.UserName, string.Join(",", account.Roles), now));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/accounts/{account.Id}", AccountResponse.From(account));
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> ChangeAsync(
        Guid id,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        SecurityEventKind kind,
        Action<UserAccount> change,
        CancellationToken ct
    )
    {
        var account = await db.UserAccounts.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
        {
            return Problems.NotFound("account", id);
        }

        change(account);
        db.SecurityEvents.Add(SecurityEvent.Record(kind, caller.Name, account.UserName, null, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AccountResponse.From(account));
    }
}
