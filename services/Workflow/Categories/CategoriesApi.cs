using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;

namespace Platform.Workflow.Categories;

public sealed record CategoryRequest(
    [property: Required] string? Code,
    [property: Required] string? Name,
    int? WorkingDays,
    bool? Active,
    [property: OneOf<CaseType>] string? DefaultType
);

public sealed record CategoryResponse(string Code, string Name, int WorkingDays, bool Active, CaseType DefaultType)
{
    public static CategoryResponse From(CaseCategory c) => new(c.Code, c.Name, c.WorkingDays, c.Active, c.DefaultType);
}

public static class CategoriesApi
{
    public static RouteGroupBuilder MapCategoriesApi(this RouteGroupBuilder api)
    {
        var categories = api.MapGroup("/categories").WithTags("Case categories");
        categories
            .MapGet("/", List)
            .WithName("ListCaseCategories")
            .AllowSignedIn()
            .WithDescription("Every category a case can have (inactive ones only with includeInactive=true), with its working days at normal priority.");
        categories
            .MapPost("/", Create)
            .WithName("CreateCaseCategory")
            .Idempotent()
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "invalid-category-code", "invalid-default-type")
            .Refuses(400, "invalid-category-name", "invalid-working-days")
            .Refuses(409, "category-exists");
        categories
            .MapPut("/{code}", Update)
            .WithName("UpdateCaseCategory")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Changes the name, working days or whether new cases may use it. Cases already dispatched keep their deadlines.")
            .Refuses(404, "category-not-found")
            .Refuses(400, "invalid-category-name", "invalid-working-days");
        return api;
    }

    public static async Task<Ok<List<CategoryResponse>>> List(WorkflowDbContext db, bool? includeInactive, CancellationToken ct)
    {
        var query = db.Categories.AsNoTracking();
        query = includeInactive == true ? query : query.Where(c => c.Active);
        return TypedResults.Ok(await query.OrderBy(c => c.Code).Select(c => CategoryResponse.From(c)).ToListAsync(ct));
    }

    public static async Task<Results<Created<CategoryResponse>, ProblemHttpResult>> Create(CategoryRequest request, WorkflowDbContext db, CancellationToken ct)
    {
        if (!EnumInput.ParseOptional<CaseType>(request.DefaultType, "defaultType").TryGet(out var type, out var typeError))
        {
            return Problems.From(typeError);
        }

        if (!CaseCategory.Create(request.Code, request.Name, request.WorkingDays, type ?? CaseType.General).TryGet(out var created, out var error))
        {
            return Problems.From(error);
        }

        if (await db.Categories.AnyAsync(c => c.Code == request.Code, ct))
        {
            return Problems.From(DomainError.Conflict("category-exists", $"A category with code '{request.Code}' exists; change it with PUT."));
        }

        db.Categories.Add(created);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workflow/categories/{created.Code}", CategoryResponse.From(created));
    }

    public static async Task<Results<Ok<CategoryResponse>, ProblemHttpResult>> Update(
        string code,
        CategoryRequest request,
        WorkflowDbContext db,
        CancellationToken ct
    )
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Code == code, ct);
        if (category is null)
        {
            return Problems.NotFound("category", code);
        }

        if (!EnumInput.ParseOptional<CaseType>(request.DefaultType, "defaultType").TryGet(out var type, out var typeError))
        {
            return Problems.From(typeError);
        }

        if (category.Change(request.Name, request.WorkingDays, request.Active ?? category.Active, type ?? category.DefaultType) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CategoryResponse.From(category));
    }
}
