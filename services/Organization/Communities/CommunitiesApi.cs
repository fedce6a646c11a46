using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Organization.Data;

namespace Platform.Organization.Communities;

public sealed record CreateCommunityRequest(
    [property: Required] string? Code,
    [property: Required] string? Name,
    string? ResidentsCommittee = null,
    string? ServiceStation = null
);

public sealed record UpdateCommunityRequest(string? Name, string? ResidentsCommittee, string? ServiceStation);

public sealed record CommunityResponse(
    Guid Id,
    string Code,
    string Name,
    string? ResidentsCommittee,
    string? ServiceStation,
    long Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt
)
{
    public static CommunityResponse From(Community c) => new(c.Id, c.Code, c.Name, c.ResidentsCommittee, c.ServiceStation, c.Version, c.CreatedAt, c.UpdatedAt);
}

public sealed record SubdistrictRequest([property: Required] string? DivisionCode, [property: Required] string? Code, [property: Required] string? Name);

public sealed record SubdistrictResponse(string DivisionCode, string Code, string Name, DateTimeOffset UpdatedAt);

public static class CommunitiesApi
{
    public static RouteGroupBuilder MapCommunitiesApi(this RouteGroupBuilder api)
    {
        var communities = api.MapGroup("/communities").WithTags("Communities");
        communities
            .MapPost("/", CreateCommunity)
            .WithName("CreateCommunity")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "invalid-community-code", "invalid-community-name")
            .Refuses(409, "duplicate-community-code");
        communities.MapGet("/", ListCommunities).WithName("ListCommunities").AllowSignedIn().Refuses(400, "invalid-page", "invalid-page-size");
        communities.MapGet("/{id:guid}", GetCommunity).WithName("GetCommunity").AllowSignedIn().Refuses(404, "community-not-found");
        communities
            .MapPut("/{id:guid}", UpdateCommunity)
            .WithName("UpdateCommunity")
            .Allow(Roles.SubdistrictAdmin, Roles.CommunityStaff)
            .WithDescription("Community staff update their own community; the admin any.")
            .Refuses(403, "out-of-scope")
            .Refuses(404, "community-not-found")
            .Refuses(400, "invalid-community-body");

        var subdistrict = api.MapGroup("/subdistrict").WithTags("Communities");
        subdistrict.MapGet("/", GetSubdistrict).WithName("GetSubdistrict").AllowSignedIn().Refuses(404, "subdistrict-not-defined");
        subdistrict
            .MapPut("/", SetSubdistrict)
            .WithName("SetSubdistrict")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "invalid-division-code")
            .Refuses(400, "invalid-subdistrict-code", "invalid-subdistrict-name");
        return api;
    }

    public static async Task<Results<Created<CommunityResponse>, ProblemHttpResult>> CreateCommunity(
        CreateCommunityRequest request,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (
            !Community
                .Create(Guid.CreateVersion7(), request.Code, request.Name, clock.GetUtcNow(), request.ResidentsCommittee, request.ServiceStation)
                .TryGet(out var created, out var error)
        )
        {
            return Problems.From(error);
        }

        var community = created;
        if (await db.Communities.AnyAsync(c => c.Code == community.Code, ct))
        {
            return Problems.From(DomainError.Conflict("duplicate-community-code", $"A community with code {community.Code} already exists."));
        }

        db.Communities.Add(community);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/organization/communities/{community.Id}", CommunityResponse.From(community));
    }

    public static async Task<Results<Ok<Page<CommunityResponse>>, ProblemHttpResult>> ListCommunities(
        OrganizationDbContext db,
        string? search,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Problems.From(error);
        }

        var query = db.Communities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim()}%";
            query = query.Where(c => EF.Functions.ILike(c.Name, pattern) || EF.Functions.ILike(c.Code, pattern));
        }

        return TypedResults.Ok(await query.OrderBy(c => c.Code).ToPageAsync(paging, CommunityResponse.From, ct));
    }

    public static async Task<Results<Ok<CommunityResponse>, ProblemHttpResult>> GetCommunity(Guid id, OrganizationDbContext db, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return community is null ? Problems.NotFound("community", id) : TypedResults.Ok(CommunityResponse.From(community));
    }

    public static async Task<Results<Ok<CommunityResponse>, ProblemHttpResult>> UpdateCommunity(
        Guid id,
        UpdateCommunityRequest request,
        Caller caller,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var community = await db.Communities.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (community is null)
        {
            return Problems.NotFound("community", id);
        }

        if (!caller.CoversCommunity(community.Id))
        {
            return Problems.OutOfScope("community");
        }

        if (community.Update(request.Name, request.ResidentsCommittee, request.ServiceStation, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CommunityResponse.From(community));
    }

    public static async Task<Results<Ok<SubdistrictResponse>, ProblemHttpResult>> GetSubdistrict(OrganizationDbContext db, CancellationToken ct)
    {
        var subdistrict = await db.Subdistricts.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Subdistrict.TheId, ct);
        return subdistrict is null
            ? Problems.From(DomainError.NotFound("subdistrict-not-defined", "The subdistrict has not been defined yet: PUT it first."))
            : TypedResults.Ok(new SubdistrictResponse(subdistrict.DivisionCode, subdistrict.Code, subdistrict.Name, subdistrict.UpdatedAt));
    }

    public static async Task<Results<Ok<SubdistrictResponse>, ProblemHttpResult>> SetSubdistrict(
        SubdistrictRequest request,
        OrganizationDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var subdistrict = await db.Subdistricts.FirstOrDefaultAsync(s => s.Id == Subdistrict.TheId, ct);
        if (subdistrict is null)
        {
            if (!Subdistrict.Define(request.DivisionCode, request.Code, request.Name, clock.GetUtcNow()).TryGet(out var defined, out var defineError))
            {
                return Problems.From(defineError);
            }

            subdistrict = defined;
            db.Subdistricts.Add(subdistrict);
        }
        else if (subdistrict.Update(request.DivisionCode, request.Code, request.Name, clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new SubdistrictResponse(subdistrict.DivisionCode, subdistrict.Code, subdistrict.Name, subdistrict.UpdatedAt));
    }
}
