using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Organization.Data;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.PersonalData;

namespace Platform.Organization.Import;

public sealed record ImportCheckResponse(string Kind, int Rows, bool Valid, IReadOnlyList<RowProblem> Problems);

public sealed record ImportJobResponse(
    Guid Id, string Kind, string Status, int TotalRows, int ProcessedRows, int Percent, int CreatedCount,
    string? Error, IReadOnlyList<RowProblem> Problems, DateTimeOffset SubmittedAt, DateTimeOffset? FinishedAt)
{
    public static ImportJobResponse From(ImportJob j) => new(
        j.Id, j.Kind.ToString(), j.Status.ToString(), j.TotalRows, j.ProcessedRows,
        j.TotalRows == 0 ? 100 : (int)(100L * j.ProcessedRows / j.TotalRows), j.CreatedCount, j.Error, j.Problems, j.SubmittedAt, j.FinishedAt);
}

public static class ImportsApi
{
    public const int MaxBytes = 5 * 1024 * 1024;

    public static RouteGroupBuilder MapImportsApi(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Roster import");
        imports.MapPost("/{kind}", Submit).WithName("ImportRoster")
            .Accepts<string>("text/csv")
            .WithDescription("A CSV roster of members, staff or units. dryRun=true lists every row's problem and writes nothing; otherwise a clean file is queued and applied all-or-nothing (watch GET /imports/{id}).")
            .Allow(Roles.SubdistrictAdmin);
        imports.MapGet("/{id:guid}", Get).WithName("GetImport").Allow(Roles.SubdistrictAdmin);
        imports.MapGet("/", List).WithName("ListImports").Allow(Roles.SubdistrictAdmin);
        return api;
    }

    public static async Task<Results<Ok<ImportCheckResponse>, Accepted<ImportJobResponse>, ProblemHttpResult>> Submit(
        string kind, bool? dryRun, HttpRequest request, OrganizationDbContext db, RosterImporter importer, PersonalDataProtector protector, TimeProvider clock, CancellationToken ct)
    {
        var parsedKind = EnumInput.Parse<RosterKind>(kind, "kind");
        if (parsedKind.Error is { } kindError)
        {
            return Problems.From(kindError);
        }

        var csv = await ReadLimitedAsync(request, ct);
        if (csv is null)
        {
            return TypedResults.Problem(title: $"The file is larger than {MaxBytes / 1024 / 1024} MB; split it.", statusCode: StatusCodes.Status413PayloadTooLarge,
                type: "https://platform.local/problems/file-too-large", extensions: new Dictionary<string, object?> { ["code"] = "file-too-large" });
        }

        var plan = await importer.PrepareAsync(parsedKind.Value, csv, ct);
        if (dryRun == true)
        {
            return TypedResults.Ok(new ImportCheckResponse(parsedKind.Value.ToString(), plan.Rows, plan.Problems.Count == 0, plan.Problems));
        }

        if (plan.Problems.Count > 0)
        {
            return TypedResults.Problem(
                title: $"The file has {plan.Problems.Count} problems; nothing was imported.",
                statusCode: StatusCodes.Status400BadRequest,
                type: "https://platform.local/problems/invalid-roster",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid-roster", ["problems"] = plan.Problems });
        }

        var job = ImportJob.Queue(parsedKind.Value, protector.Protect(csv, _ => "").Cipher, plan.Rows, clock.GetUtcNow());
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        return TypedResults.Accepted($"/api/organization/imports/{job.Id}", ImportJobResponse.From(job));
    }

    public static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> Get(Guid id, OrganizationDbContext db, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? Problems.NotFound("import", id) : TypedResults.Ok(ImportJobResponse.From(job));
    }

    public static async Task<Results<Ok<Page<ImportJobResponse>>, ProblemHttpResult>> List(OrganizationDbContext db, int? page, int? pageSize, CancellationToken ct)
    {
        var paging = Paging.Validate(page, pageSize);
        if (paging.Error is { } error)
        {
            return Problems.From(error);
        }

        return TypedResults.Ok(await db.ImportJobs.AsNoTracking().OrderByDescending(j => j.SubmittedAt).ToPageAsync(paging.Value, ImportJobResponse.From, ct));
    }

    private static async Task<string?> ReadLimitedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
