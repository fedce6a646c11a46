using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Import;

public sealed record ImportCheckResponse(string Kind, int Rows, bool Valid, IReadOnlyList<RowProblem> Problems);

public sealed record ImportJobResponse(
    Guid Id,
    string Kind,
    string Status,
    int TotalRows,
    int ProcessedRows,
    int Percent,
    int CreatedCount,
    string? Error,
    IReadOnlyList<RowProblem> Problems,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? FinishedAt
)
{
    public static ImportJobResponse From(ImportJob j) =>
        new(j.Id, j.Kind, j.Status.ToString(), j.TotalRows, j.ProcessedRows, j.Percent, j.CreatedCount, j.Error, j.Problems, j.SubmittedAt, j.FinishedAt);
}

/// <summary>
/// File imports, the same in every service: <c>POST imports/{kind}?dryRun=true</c> lists every problem of every
/// row and writes nothing; without dryRun a clean file is queued (encrypted) and applied all-or-nothing by the
/// worker, which reports progress at <c>GET imports/{id}</c>; a file with problems is refused whole.
/// </summary>
public static class ImportsApi
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public static IHostApplicationBuilder AddImports<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        builder.Services.AddHostedService<ImportWorker<TDbContext>>();
        builder.Services.AddScoped(sp => new ImportStore(sp.GetRequiredService<TDbContext>()));
        return builder;
    }

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api, params string[] roles)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports
            .MapPost("/{kind}", Submit)
            .WithName("ImportFile")
            .Accepts<string>("text/csv", "application/geo+json", "application/json")
            .WithDescription(
                "dryRun=true lists every row's problem and writes nothing; otherwise a clean file is queued and applied "
                    + "all-or-nothing (watch GET imports/{id})."
            )
            .Allow(roles)
            .Refuses(400, "invalid-import-file", "invalid-kind");
        imports.MapGet("/{id:guid}", Get).WithName("GetImport").Allow(roles).Refuses(404, "import-not-found");
        imports.MapGet("/", List).WithName("ListImports").Allow(roles).Refuses(400, "invalid-page", "invalid-page-size");
        return api;
    }

    public static async Task<Results<Ok<ImportCheckResponse>, Accepted<ImportJobResponse>, ProblemHttpResult>> Submit(
        string kind,
        bool? dryRun,
        HttpRequest request,
        ImportStore store,
        IEnumerable<IImporter> importers,
        PersonalDataProtector protector,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var importer = importers.FirstOrDefault(i => string.Equals(i.Kind, kind, StringComparison.OrdinalIgnoreCase));
        if (importer is null)
        {
            return Api.Problems.From(DomainError.Invalid("kind", "invalid-kind", $"kind must be one of {string.Join(", ", importers.Select(i => i.Kind))}."));
        }

        var bytes = await request.ReadLimitedAsync(MaxBytes, ct);
        if (bytes is null)
        {
            return TypedResults.Problem(
                title: $"The file is larger than {MaxBytes / 1024 / 1024} MB; split it.",
                statusCode: StatusCodes.Status413PayloadTooLarge,
                type: "https://platform.local/problems/file-too-large",
                extensions: new Dictionary<string, object?> { ["code"] = "file-too-large" }
            );
        }

        var payload = Encoding.UTF8.GetString(bytes);
        var plan = await importer.PrepareAsync(payload, ct);
        if (dryRun == true)
        {
            return TypedResults.Ok(new ImportCheckResponse(importer.Kind, plan.Rows, plan.Problems.Count == 0, plan.Problems));
        }

        if (plan.Problems.Count > 0)
        {
            return TypedResults.Problem(
                title: $"The file has {plan.Problems.Count} problems; nothing was imported.",
                statusCode: StatusCodes.Status400BadRequest,
                type: "https://platform.local/problems/invalid-import-file",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid-import-file", ["problems"] = plan.Problems }
            );
        }

        var job = ImportJob.Queue(importer.Kind, protector.Protect(payload, _ => "").Cipher, plan.Rows, clock.GetUtcNow());
        store.Db.Set<ImportJob>().Add(job);
        await store.Db.SaveChangesAsync(ct);
        var path = request.Path.Value ?? "";
        return TypedResults.Accepted($"{request.PathBase}{path[..path.LastIndexOf('/')]}/{job.Id}", ImportJobResponse.From(job));
    }

    public static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> Get(Guid id, ImportStore store, CancellationToken ct) =>
        await store.Db.Set<ImportJob>().AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct) is { } job
            ? TypedResults.Ok(ImportJobResponse.From(job))
            : Api.Problems.NotFound("import", id);

    public static async Task<Results<Ok<Page<ImportJobResponse>>, ProblemHttpResult>> List(ImportStore store, int? page, int? pageSize, CancellationToken ct)
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Api.Problems.From(error);
        }

        return TypedResults.Ok(
            await store.Db.Set<ImportJob>().AsNoTracking().OrderByDescending(j => j.SubmittedAt).ToPageAsync(paging, ImportJobResponse.From, ct)
        );
    }
}

/// <summary>The service's database, as the import endpoints see it.</summary>
public sealed class ImportStore(DbContext db)
{
    public DbContext Db { get; } = db;
}
