using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Domain;
using Platform.Grid.Data;

namespace Platform.Grid.Grids;

public sealed record LookupResponse(GridSummary Grid, CommunitySummary? Community, IReadOnlyList<GridSummary> Specialized, Guid? BuildingId);

public sealed record CommunitySummary(Guid Id, string Code, string Name);

public static class LookupApi
{
    public static RouteGroupBuilder MapLookupApi(this RouteGroupBuilder api)
    {
        var lookup = api.MapGroup("/lookup").WithTags("Lookup");
        lookup
            .MapGet("/point", AtPoint)
            .WithName("LookupGridAtPoint")
            .AllowSignedIn()
            .WithDescription("The active grid containing a WGS84 point (and its community), with any Specialized grids laid over it there.")
            .Refuses(400, "invalid-location")
            .Refuses(404, "no-grid-here");
        lookup
            .MapGet("/address", AtAddress)
            .WithName("LookupGridAtAddress")
            .AllowSignedIn()
            .WithDescription("The grid of a known building, by its address (spaces, punctuation and full-width digits do not matter).")
            .Refuses(400, "address-required")
            .Refuses(404, "unknown-address");
        return api;
    }

    public static async Task<Results<Ok<LookupResponse>, ProblemHttpResult>> AtPoint(
        double? latitude,
        double? longitude,
        ReadDb<GridDbContext> read,
        CancellationToken ct
    )
    {
        var db = read.Context;
        if (!Geo.PointAt(latitude, longitude).TryGet(out var point, out var error))
        {
            return Problems.From(error);
        }

        var found = await GridLocator.AtAsync(db, point, ct);
        return found is null
            ? Problems.From(DomainError.NotFound("no-grid-here", $"No active grid contains latitude {latitude}, longitude {longitude}."))
            : TypedResults.Ok(new LookupResponse(found.Grid, await CommunityAsync(db, found.Grid.CommunityId, ct), found.Specialized, null));
    }

    public static async Task<Results<Ok<LookupResponse>, ProblemHttpResult>> AtAddress(string? address, ReadDb<GridDbContext> read, CancellationToken ct)
    {
        var db = read.Context;
        if (string.IsNullOrWhiteSpace(address) || address.Length > Buildings.Building.MaxAddressLength)
        {
            return Problems.From(
                DomainError.Invalid("address", "address-required", $"address is required (at most {Buildings.Building.MaxAddressLength} characters).")
            );
        }

        var found = await GridLocator.AtAddressAsync(db, address, ct);
        return found is not { } hit
            ? Problems.From(DomainError.NotFound("unknown-address", "No known building has this address."))
            : TypedResults.Ok(new LookupResponse(hit.Grid, await CommunityAsync(db, hit.Grid.CommunityId, ct), [], hit.Building.Id));
    }

    private static Task<CommunitySummary?> CommunityAsync(GridDbContext db, Guid id, CancellationToken ct) =>
        db.Communities.AsNoTracking().Where(c => c.Id == id).Select(c => new CommunitySummary(c.Id, c.Code, c.Name)).FirstOrDefaultAsync(ct);
}
