using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.Grid.Data;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Layers;

public sealed record LayerRequest([property: Required] string? Code, [property: Required] string? Name);

public sealed record LayerResponse(string Code, string Name, bool BuiltIn);

public sealed record ResponsibilityRequest(
    [property: Required] string? DepartmentCode,
    [property: Required] string? DepartmentName,
    string? ContactName,
    string? ContactPhone
);

/// <summary>Who is responsible for one layer in one grid; the contact phone is masked.</summary>
public sealed record ResponsibilityResponse(
    Guid GridId,
    string Layer,
    string LayerName,
    string DepartmentCode,
    string DepartmentName,
    string? ContactName,
    string? ContactPhone,
    long Version
);

public static class LayersApi
{
    public static RouteGroupBuilder MapLayersApi(this RouteGroupBuilder api)
    {
        var layers = api.MapGroup("/layers").WithTags("Overlaid networks");
        layers.MapGet("/", ListLayers).WithName("ListLayers").AllowSignedIn();
        layers
            .MapPost("/", DefineLayer)
            .WithName("DefineLayer")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "invalid-layer-code", "invalid-layer-name")
            .Refuses(409, "duplicate-layer");

        var responsibilities = api.MapGroup("/grids/{gridId:guid}/layers").WithTags("Overlaid networks");
        responsibilities.MapGet("/", ListResponsibilities).WithName("ListLayerResponsibilities").Allow(Roles.Staff).Refuses(404, "grid-not-found");
        responsibilities
            .MapPut("/{layer}", SetResponsibility)
            .WithName("SetLayerResponsibility")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Names the department responsible for the layer in the grid, and its contact (the phone is stored protected).")
            .Refuses(400, "invalid-phone")
            .Refuses(404, "grid-not-found", "unknown-layer")
            .Refuses(400, "department-required", "invalid-contact");
        responsibilities
            .MapGet("/{layer}", Responsible)
            .WithName("WhoIsResponsible")
            .Allow(Roles.Staff)
            .WithDescription("For a case of this layer in this grid: the responsible department and its contact.")
            .Refuses(404, "no-responsibility");
        return api;
    }

    public static async Task<Ok<IReadOnlyList<LayerResponse>>> ListLayers(GridDbContext db, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<LayerResponse>>(
            await db
                .Layers.AsNoTracking()
                .OrderByDescending(l => l.IsBuiltIn)
                .ThenBy(l => l.Code)
                .Select(l => new LayerResponse(l.Code, l.Name, l.IsBuiltIn))
                .ToListAsync(ct)
        );

    public static async Task<Results<Created<LayerResponse>, ProblemHttpResult>> DefineLayer(LayerRequest request, GridDbContext db, CancellationToken ct)
    {
        if (!Layer.Define(request.Code, request.Name).TryGet(out var defined, out var error))
        {
            return Problems.From(error);
        }

        if (await db.Layers.AnyAsync(l => l.Code == defined.Code, ct))
        {
            return Problems.From(DomainError.Conflict("duplicate-layer", $"A layer with code {defined.Code} exists."));
        }

        db.Layers.Add(defined);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grid/layers/{defined.Code}", new LayerResponse(defined.Code, defined.Name, false));
    }

    public static async Task<Results<Ok<IReadOnlyList<ResponsibilityResponse>>, ProblemHttpResult>> ListResponsibilities(
        Guid gridId,
        Caller caller,
        GridDbContext db,
        CancellationToken ct
    )
    {
        var grid = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gridId, ct);
        if (grid is null || !(GridEntity.Scope.Covers(caller, grid) || caller.IsIn(Roles.DepartmentHandler)))
        {
            return Problems.NotFound("grid", gridId);
        }

        var rows = await (
            from r in db.Responsibilities.AsNoTracking()
            join l in db.Layers.AsNoTracking() on r.LayerCode equals l.Code
            where r.GridId == gridId
            orderby l.IsBuiltIn descending, l.Code
            select new { r, l.Name }
        ).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<ResponsibilityResponse>>([.. rows.Select(x => Response(x.r, x.Name))]);
    }

    public static async Task<Results<Ok<ResponsibilityResponse>, ProblemHttpResult>> SetResponsibility(
        Guid gridId,
        string layer,
        ResponsibilityRequest request,
        GridDbContext db,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var grid = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == gridId, ct);
        if (grid is null)
        {
            return Problems.NotFound("grid", gridId);
        }

        var known = await db.Layers.AsNoTracking().FirstOrDefaultAsync(l => l.Code == layer, ct);
        if (known is null)
        {
            return Problems.From(DomainError.NotFound("unknown-layer", $"No layer {layer}; GET /api/grid/layers lists them."));
        }

        ProtectedValue? phone = null;
        if (!string.IsNullOrWhiteSpace(request.ContactPhone))
        {
            if (!PhoneNumber.Parse(request.ContactPhone, "contactPhone").TryGet(out var parsed, out var phoneError))
            {
                return Problems.From(phoneError);
            }

            phone = protector.Protect(parsed.Value, Mask.Phone);
        }

        var now = clock.GetUtcNow();
        var responsibility = await db.Responsibilities.FirstOrDefaultAsync(r => r.GridId == gridId && r.LayerCode == layer, ct);
        if (responsibility is null)
        {
            responsibility = LayerResponsibility.Assign(gridId, grid.CommunityId, layer, now).OrThrow();
            db.Responsibilities.Add(responsibility);
        }

        if (responsibility.Set(request.DepartmentCode, request.DepartmentName, request.ContactName, phone, now) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Response(responsibility, known.Name));
    }

    public static async Task<Results<Ok<ResponsibilityResponse>, ProblemHttpResult>> Responsible(
        Guid gridId,
        string layer,
        GridDbContext db,
        CancellationToken ct
    )
    {
        var row = await (
            from r in db.Responsibilities.AsNoTracking()
            join l in db.Layers.AsNoTracking() on r.LayerCode equals l.Code
            where r.GridId == gridId && r.LayerCode == layer
            select new { r, l.Name }
        ).FirstOrDefaultAsync(ct);
        return row is null
            ? Problems.From(DomainError.NotFound("no-responsibility", $"No department is responsible for layer {layer} in grid {gridId}."))
            : TypedResults.Ok(Response(row.r, row.Name));
    }

    private static ResponsibilityResponse Response(LayerResponsibility r, string layerName) =>
        new(r.GridId, r.LayerCode, layerName, r.DepartmentCode, r.DepartmentName, r.ContactName, r.ContactPhone?.Masked, r.Version);
}
