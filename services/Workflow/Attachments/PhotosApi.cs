using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;
using Platform.Workflow.Data;
using Platform.Workflow.Grids;

namespace Platform.Workflow.Attachments;

public sealed record PhotoResponse(
    Guid Id,
    Guid? CaseId,
    CaseState? Stage,
    string ContentType,
    int Bytes,
    int Width,
    int Height,
    string UploadedBy,
    DateTimeOffset UploadedAt,
    double? Latitude,
    double? Longitude,
    string Url,
    string ThumbnailUrl
)
{
    public static PhotoResponse From(CasePhoto p) =>
        new(
            p.Id,
            p.CaseId,
            p.Stage,
            p.ContentType,
            p.Bytes,
            p.Width,
            p.Height,
            p.UploadedByName,
            p.UploadedAt,
            p.Latitude,
            p.Longitude,
            $"/api/workflow/photos/{p.Id}",
            $"/api/workflow/photos/{p.Id}/thumbnail"
        );
}

/// <summary>
/// Case photos. The body of an upload is the image itself (<c>Content-Type</c> is not trusted: the content's own
/// signature decides); it is re-encoded without metadata, upright, with a thumbnail. A resident uploads first and
/// names the photos in the report (<c>photoIds</c>); whoever works a case adds photos to it directly.
/// </summary>
public static class PhotosApi
{
    private static readonly string[] ImageTypes = ["image/jpeg", "image/png", "image/webp"];

    public static RouteGroupBuilder MapPhotosApi(this RouteGroupBuilder api)
    {
        var photos = api.MapGroup("/photos").WithTags("Photos");
        photos
            .MapPost("/", Upload)
            .WithName("UploadPhoto")
            .Idempotent()
            .AllowSignedIn()
            .TakesFile(ImageTypes)
            .WithDescription(
                "Uploads a photo for a report to name in photoIds (JPEG, PNG or WebP, judged by content). Until a report names "
                    + "it, only its uploader sees it; unnamed photos are deleted after a day. latitude and longitude (both or "
                    + "neither): where the phone stood."
            )
            .Refuses(400, "photo-required", "unreadable-photo", "incomplete-location", "invalid-location")
            .Refuses(413, "photo-too-large")
            .Refuses(415, "unsupported-photo-format");
        photos
            .MapGet("/{id:guid}", Content)
            .WithName("PhotoContent")
            .AllowSignedIn()
            .Produces(StatusCodes.Status200OK, typeof(byte[]), ImageTypes[0], ImageTypes[1..])
            .WithDescription("The photo as kept: upright, without metadata. Whoever sees its case sees it.")
            .Refuses(404, "photo-not-found");
        photos
            .MapGet("/{id:guid}/thumbnail", Thumbnail)
            .WithName("PhotoThumbnail")
            .AllowSignedIn()
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "image/jpeg")
            .WithDescription("A JPEG of at most 320 pixels a side.")
            .Refuses(404, "photo-not-found");

        var onCase = api.MapGroup("/cases/{id:guid}/photos").WithTags("Photos").OnAnyRecord(CaseAccess.CadresSuperviseEveryCase, Roles.SubdistrictCadre);
        onCase
            .MapGet("/", ListForCase)
            .WithName("CasePhotos")
            .AllowSignedIn()
            .WithDescription("The case's photos, oldest first, each with the state the case was in when it was added.")
            .Refuses(404, "case-not-found");
        onCase
            .MapPost("/", AddToCase)
            .WithName("AddCasePhoto")
            .Idempotent()
            .AllowSignedIn()
            .TakesFile(ImageTypes)
            .WithDescription(
                "Adds a photo to a case still being worked (a handler's result, a check on site, the reporter's second look). "
                    + "latitude and longitude (both or neither): where the phone stood, a handler's proof of being on site."
            )
            .Refuses(400, "photo-required", "unreadable-photo", "incomplete-location", "invalid-location")
            .Refuses(404, "case-not-found")
            .Refuses(409, "case-finished", "too-many-photos")
            .Refuses(413, "photo-too-large")
            .Refuses(415, "unsupported-photo-format");
        return api;
    }

    public static async Task<Results<Created<PhotoResponse>, ProblemHttpResult>> Upload(
        HttpRequest request,
        double? latitude,
        double? longitude,
        Caller caller,
        WorkflowDbContext db,
        IPhotoStore store,
        IOptions<PhotoLimits> limits,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!Spatial.OptionalPoint(latitude, longitude).TryGet(out var takenAt, out var where))
        {
            return Problems.From(where);
        }

        if (!(await ReadAsync(request, limits.Value, ct)).TryGet(out var photo, out var error))
        {
            return Problems.From(error);
        }

        var record = CasePhoto.Upload(photo, Actor.Of(caller), takenAt, clock.GetUtcNow());
        db.CasePhotos.Add(record);
        store.Put(record, photo);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workflow/photos/{record.Id}", PhotoResponse.From(record));
    }

    public static async Task<Results<Created<PhotoResponse>, ProblemHttpResult>> AddToCase(
        Guid id,
        HttpRequest request,
        double? latitude,
        double? longitude,
        Caller caller,
        WorkflowDbContext db,
        IPhotoStore store,
        IOptions<PhotoLimits> limits,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        // The case first: a caller who cannot see it learns nothing from how the body would have been judged.
        var @case = await db.Cases.AsNoTracking().VisibleTo(caller, Case.Scope).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (@case is null)
        {
            return Problems.NotFound("case", id);
        }

        if (!Spatial.OptionalPoint(latitude, longitude).TryGet(out var takenAt, out var where))
        {
            return Problems.From(where);
        }

        if (!(await ReadAsync(request, limits.Value, ct)).TryGet(out var photo, out var error))
        {
            return Problems.From(error);
        }

        // Two photos sent at once for the same case are counted one after the other: the case's row is held while
        // its photos are counted and the new one is written, so the limit is never passed.
        await using var transaction = await db.BeginUnlessOpenAsync(ct);
        await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM cases WHERE id = {id} FOR UPDATE").ToListAsync(ct);
        var count = await db.CasePhotos.CountAsync(p => p.CaseId == id, ct);
        if (!CasePhoto.AddTo(@case, photo, Actor.Of(caller), takenAt, count, clock.GetUtcNow()).TryGet(out var added, out var refused))
        {
            return Problems.From(refused);
        }

        db.CasePhotos.Add(added);
        store.Put(added, photo);
        await db.SaveChangesAsync(ct);
        await transaction.CommitIfOwnAsync(ct);
        return TypedResults.Created($"/api/workflow/photos/{added.Id}", PhotoResponse.From(added));
    }

    public static async Task<Results<Ok<List<PhotoResponse>>, ProblemHttpResult>> ListForCase(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        CancellationToken ct
    )
    {
        if (!await db.Cases.AsNoTracking().VisibleTo(caller, Case.Scope).AnyAsync(c => c.Id == id, ct))
        {
            return Problems.NotFound("case", id);
        }

        var photos = await db.CasePhotos.AsNoTracking().Where(p => p.CaseId == id).OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(photos.Select(PhotoResponse.From).ToList());
    }

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> Content(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        IPhotoStore store,
        HttpContext http,
        CancellationToken ct
    ) => ServeAsync(id, PhotoVariant.Full, caller, db, store, http, ct);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> Thumbnail(
        Guid id,
        Caller caller,
        WorkflowDbContext db,
        IPhotoStore store,
        HttpContext http,
        CancellationToken ct
    ) => ServeAsync(id, PhotoVariant.Thumbnail, caller, db, store, http, ct);

    /// <summary>
    /// The photos a report names: each one the caller's own, uploaded and not yet named by another report.
    /// </summary>
    public static async Task<Result<List<CasePhoto>>> PendingAsync(WorkflowDbContext db, IReadOnlyList<Guid>? ids, Caller caller, CancellationToken ct)
    {
        if (ids is not { Count: > 0 })
        {
            return new List<CasePhoto>();
        }

        if (ids.Count > Case.MaxPhotos)
        {
            return DomainError.Invalid("photoIds", "too-many-photos", $"At most {Case.MaxPhotos} photos per report.");
        }

        var distinct = ids.Distinct().ToList();
        var found = await db.CasePhotos.Where(p => distinct.Contains(p.Id) && p.CaseId == null && p.UploadedBySubject == caller.Subject).ToListAsync(ct);
        return distinct.FirstOrDefault(i => found.All(p => p.Id != i)) is var missing && missing != Guid.Empty
            ? DomainError.Invalid("photoIds", "unknown-photo", $"Photo {missing} is not one of your uploaded photos waiting for a report.")
            : found;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ServeAsync(
        Guid id,
        PhotoVariant variant,
        Caller caller,
        WorkflowDbContext db,
        IPhotoStore store,
        HttpContext http,
        CancellationToken ct
    )
    {
        var photo = await db.CasePhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        var visible = photo switch
        {
            null => false,
            { CaseId: { } caseId } => await db.Cases.AsNoTracking().VisibleTo(caller, Case.Scope).AnyAsync(c => c.Id == caseId, ct),
            _ => photo.UploadedBySubject == caller.Subject,
        };
        var bytes = visible ? await store.ReadAsync(id, variant, ct) : null;
        if (photo is null || bytes is null)
        {
            return Problems.NotFound("photo", id);
        }

        // A photo never changes once kept: the browser may keep it, but only for the signed-in user.
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        var tag = variant == PhotoVariant.Thumbnail ? $"{photo.Sha256}-t" : photo.Sha256;
        return TypedResults.File(
            bytes,
            variant == PhotoVariant.Thumbnail ? "image/jpeg" : photo.ContentType,
            entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{tag}\"")
        );
    }

    private static async Task<Result<Photo>> ReadAsync(HttpRequest request, PhotoLimits limits, CancellationToken ct) =>
        await request.ReadLimitedAsync(limits.MaxBytes, ct) is { } content ? Photo.From(content, limits) : TooLarge(limits);

    private static DomainError TooLarge(PhotoLimits limits) =>
        new("photo-too-large", $"A photo is at most {limits.MaxBytes / 1024 / 1024} MB.", ErrorKind.TooLarge, "body");
}
