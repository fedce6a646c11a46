using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.BuildingBlocks.Time;
using Platform.Organization.Data;
using Platform.Organization.PartyOrganizations;

namespace Platform.Organization.People;

public sealed record MembershipInput(
    [property: Required] Guid OrganizationId,
    [property: OneOf<MemberType>] [property: Required] string? MemberType,
    DateOnly? JoinedOn
);

public sealed record RegisterPersonRequest(
    [property: Required] string? Name,
    string? Phone,
    string? IdCardNumber,
    string? HomeAddress,
    MembershipInput? Membership,
    bool IsCadre,
    Guid? StaffCommunityId
);

public sealed record ChangeMembershipRequest(MembershipInput? Membership);

public sealed record RevealRequest([property: Required] string? Reason);

/// <summary>A person as lists and reads show them: personal data masked.</summary>
public sealed record PersonResponse(
    Guid Id,
    string Name,
    string? Phone,
    string? IdCardNumber,
    string? HomeAddress,
    Guid? OrganizationId,
    [property: OneOf<MemberType>] string? MemberType,
    DateOnly? JoinedOn,
    bool IsCadre,
    Guid? StaffCommunityId,
    long Version
)
{
    public static PersonResponse From(Person p) =>
        new(
            p.Id,
            p.Name,
            p.Phone?.Masked,
            p.IdCard?.Masked,
            p.HomeAddress?.Masked,
            p.Membership?.OrganizationId,
            p.Membership?.Type.ToString(),
            p.Membership?.JoinedOn,
            p.IsCadre,
            p.StaffCommunityId,
            p.Version
        );
}

public sealed record RevealedPersonalData(Guid PersonId, string? Phone, string? IdCardNumber, string? HomeAddress, Guid RevealId);

public sealed record RevealRecordResponse(Guid Id, Guid PersonId, string RevealedBy, string Reason, DateTimeOffset RevealedAt);

public static class PeopleApi
{
    public const int MaxAddressLength = 200;
    public const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");
        people
            .MapPost("/", Register)
            .WithName("RegisterPerson")
            .Idempotent()
            .Allow(Roles.Organizers)
            .Refuses(400, "invalid-id-card", "invalid-person-name", "invalid-phone", "joined-in-future", "unknown-organization")
            .Refuses(403, "out-of-scope")
            .Refuses(409, "duplicate-id-card")
            .Refuses(400, "invalid-address")
            .Refuses(409, "organization-dissolved");
        people
            .MapGet("/", List)
            .WithName("ListPeople")
            .Allow(Roles.Organizers)
            .WithDescription(
                "People of the caller's scope: community staff see their community's staff and party members; cadres those of their assigned communities."
            )
            .Refuses(400, "invalid-member-type", "invalid-page", "invalid-page-size");
        people
            .MapGet("/{id:guid}", Get)
            .WithName("GetPerson")
            .AllowSignedIn()
            .WithDescription("A person in the caller's scope, or the caller themself; 404 otherwise.")
            .Refuses(404, "person-not-found");
        people
            .MapPut("/{id:guid}/membership", ChangeMembership)
            .WithName("ChangeMembership")
            .Allow(Roles.Organizers)
            .Refuses(404, "person-not-found")
            .Refuses(409, "organization-dissolved");
        people
            .MapPost("/{id:guid}/personal-data/reveal", Reveal)
            .WithName("RevealPersonalData")
            .WithDescription(
                "Shows a person's phone, ID-card number and address whole: the admin, and community staff for their "
                    + "community's people. Every call is audited with its reason."
            )
            .Allow(Roles.SubdistrictAdmin, Roles.CommunityStaff)
            .Refuses(400, "reveal-reason-required")
            .Refuses(404, "person-not-found");
        api.MapGet("/personal-data/reveals", ListReveals)
            .WithTags("People")
            .WithName("ListPersonalDataReveals")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "invalid-page", "invalid-page-size");
        return api;
    }

    public static async Task<Results<Created<PersonResponse>, ProblemHttpResult>> Register(
        RegisterPersonRequest request,
        Caller caller,
        OrganizationDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var now = clock.GetUtcNow();
        if (!Person.Register(Guid.CreateVersion7(), request.Name, now).TryGet(out var registered, out var nameError))
        {
            return Problems.From(nameError);
        }

        var person = registered;
        if (await ApplyContactAsync(person, request, db, protector, now, ct) is { } contactError)
        {
            return Problems.From(contactError);
        }

        if (await ApplyMembershipAsync(person, request.Membership, db, now, clock.DateOf(now), ct) is { } membershipError)
        {
            return Problems.From(membershipError);
        }

        if (request.StaffCommunityId is { } community && !await db.Communities.AnyAsync(c => c.Id == community, ct))
        {
            return Problems.From(DomainError.Invalid("staffCommunityId", "unknown-community", $"No community with id {community}."));
        }

        person.SetRoles(request.IsCadre, request.StaffCommunityId, now);
        if (!Person.Scope.Covers(caller, person))
        {
            return Problems.OutOfScope("person's community");
        }

        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/people/{person.Id}", PersonResponse.From(person));
    }

    public static async Task<Results<Ok<Page<PersonResponse>>, ProblemHttpResult>> List(
        Caller caller,
        OrganizationDbContext db,
        string? search,
        Guid? organizationId,
        [OneOf<MemberType>] string? memberType,
        bool? isCadre,
        Guid? staffCommunityId,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        var paging = Paging.Validate(page, pageSize);
        var type = EnumInput.ParseOptional<MemberType>(memberType, "memberType");
        if ((paging.Error ?? type.Error) is { } error)
        {
            return Problems.From(error);
        }

        var query = db.People.AsNoTracking().VisibleTo(caller, Person.Scope);
        if (!string.IsNullOrWhiteSpace(search))
        {
            query = query.Where(p => EF.Functions.ILike(p.Name, $"%{search.Trim()}%"));
        }

        if (organizationId is { } org)
        {
            query = query.Where(p => p.Membership != null && p.Membership.OrganizationId == org);
        }

        if (type.Value is { } t)
        {
            query = query.Where(p => p.Membership != null && p.Membership.Type == t);
        }

        if (isCadre is { } cadre)
        {
            query = query.Where(p => p.IsCadre == cadre);
        }

        if (staffCommunityId is { } community)
        {
            query = query.Where(p => p.StaffCommunityId == community);
        }

        return TypedResults.Ok(await query.OrderBy(p => p.Name).ThenBy(p => p.Id).ToPageAsync(paging.Value, PersonResponse.From, ct));
    }

    public static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> Get(Guid id, Caller caller, OrganizationDbContext db, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return person is null || !Person.Scope.Covers(caller, person) ? Problems.NotFound("person", id) : TypedResults.Ok(PersonResponse.From(person));
    }

    public static async Task<Results<Ok<PersonResponse>, ProblemHttpResult>> ChangeMembership(
        Guid id,
        ChangeMembershipRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || !Person.Scope.Covers(caller, person))
        {
            return Problems.NotFound("person", id);
        }

        if (await ApplyMembershipAsync(person, request.Membership, db, clock.GetUtcNow(), clock.Today(), ct) is { } error)
        {
            return Problems.From(error);
        }

        if (!Person.Scope.Covers(caller, person))
        {
            return Problems.OutOfScope("organization's community");
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PersonResponse.From(person));
    }

    /// <summary>The one way to see personal data whole; who, whose, when and why are recorded first.</summary>
    public static async Task<Results<Ok<RevealedPersonalData>, ProblemHttpResult>> Reveal(
        Guid id,
        RevealRequest request,
        Caller caller,
        OrganizationDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length > MaxReasonLength)
        {
            return Problems.From(
                DomainError.Invalid("reason", "reveal-reason-required", $"reason is required (at most {MaxReasonLength} characters): every reveal is audited.")
            );
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null || !Person.Scope.Covers(caller, person))
        {
            return Problems.NotFound("person", id);
        }

        var record = PersonalDataReveal.Record(person.Id, caller.Name, request.Reason.Trim(), clock.GetUtcNow());
        db.PersonalDataReveals.Add(record);
        db.SecurityEvents.Add(
            Accounts.SecurityEvent.Record(
                Accounts.SecurityEventKind.PersonalDataRevealed,
                record.RevealedBy,
                person.Id.ToString(),
                record.Reason,
                record.RevealedAt
            )
        );
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(
            new RevealedPersonalData(
                person.Id,
                person.Phone is { } phone ? protector.Reveal(phone) : null,
                person.IdCard is { } idCard ? protector.Reveal(idCard) : null,
                person.HomeAddress is { } address ? protector.Reveal(address) : null,
                record.Id
            )
        );
    }

    public static async Task<Results<Ok<Page<RevealRecordResponse>>, ProblemHttpResult>> ListReveals(
        OrganizationDbContext db,
        Guid? personId,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.PersonalDataReveals.AsNoTracking();
        if (personId is { } p)
        {
            query = query.Where(r => r.PersonId == p);
        }

        return TypedResults.Ok(
            await query
                .OrderByDescending(r => r.RevealedAt)
                .ToPageAsync(paging, r => new RevealRecordResponse(r.Id, r.PersonId, r.RevealedBy, r.Reason, r.RevealedAt), ct)
        );
    }

    private static async Task<DomainError?> ApplyContactAsync(
        Person person,
        RegisterPersonRequest request,
        OrganizationDbContext db,
        PersonalDataProtector protector,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        ProtectedValue? phone = null,
            idCard = null,
            address = null;
        string? idCardHash = null;
        if (!string.IsNullOrWhiteSpace(request.Phone))
        {
            if (!PhoneNumber.Parse(request.Phone).TryGet(out var parsed, out var error))
            {
                return error;
            }

            phone = protector.Protect(parsed.Value, Mask.Phone);
        }

        if (!string.IsNullOrWhiteSpace(request.IdCardNumber))
        {
            if (!IdCardNumber.Parse(request.IdCardNumber).TryGet(out var parsed, out var error))
            {
                return error;
            }

            idCardHash = protector.LookupHash(parsed.Value);
            if (await db.People.AnyAsync(p => p.IdCardHash == idCardHash && p.Id != person.Id, ct))
            {
                return DomainError.Conflict("duplicate-id-card", "Another person is registered with this ID-card number.");
            }

            idCard = protector.Protect(parsed.Value, Mask.IdCard);
        }

        if (!string.IsNullOrWhiteSpace(request.HomeAddress))
        {
            var trimmed = request.HomeAddress.Trim();
            if (trimmed.Length > MaxAddressLength)
            {
                return DomainError.Invalid("homeAddress", "invalid-address", $"homeAddress is at most {MaxAddressLength} characters.");
            }

            address = protector.Protect(trimmed, Mask.Address);
        }

        person.SetContact(phone, idCard, idCardHash, address, now);
        return null;
    }

    private static async Task<DomainError?> ApplyMembershipAsync(
        Person person,
        MembershipInput? input,
        OrganizationDbContext db,
        DateTimeOffset now,
        DateOnly today,
        CancellationToken ct
    )
    {
        if (input is null)
        {
            person.SetMembership(null, null, now);
            return null;
        }

        if (!EnumInput.Parse<MemberType>(input.MemberType, "membership.memberType").TryGet(out var type, out var typeError))
        {
            return typeError;
        }

        var organization = await db.PartyOrganizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == input.OrganizationId, ct);
        if (organization is null)
        {
            return DomainError.Invalid("membership.organizationId", "unknown-organization", $"No organization with id {input.OrganizationId}.");
        }

        if (organization.Status != OrganizationStatus.Active)
        {
            return DomainError.Conflict("organization-dissolved", $"{organization.Name} is dissolved; members cannot join it.");
        }

        if (input.JoinedOn is { } joined && joined > today)
        {
            return DomainError.Invalid("membership.joinedOn", "joined-in-future", "membership.joinedOn cannot be in the future.");
        }

        person.SetMembership(new PartyMembership(organization.Id, type, input.JoinedOn), organization.CommunityId, now);
        return null;
    }
}
