using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Domain;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Attachments;

/// <summary>
/// A photo of a case: taken by a resident before reporting (pending, seen only by its uploader until the report
/// names it), or added to the case later by whoever works it (a handler's result, a verifier on site). The bytes
/// live in the attachment store (<see cref="IPhotoStore"/>); this record is what lists and access need.
/// </summary>
public sealed class CasePhoto
{
    private CasePhoto() { }

    public Guid Id { get; private set; }

    /// <summary>Null while pending: uploaded, not yet named by a report.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>The case's state when the photo was added (a report's photos: Reported; a result's: Accepted…).</summary>
    public CaseState? Stage { get; private set; }

    public PhotoFormat Format { get; private set; }

    public int Bytes { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public string Sha256 { get; private set; } = "";

    public string UploadedBySubject { get; private set; } = "";

    public string UploadedByName { get; private set; } = "";

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>Where the phone stood when the photo was sent (WGS84), when it said: a handler's proof of being on site.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string ContentType => Photo.MediaTypeOf(Format);

    public static CasePhoto Upload(Photo photo, Actor actor, Point? takenAt, DateTimeOffset now) =>
        new()
        {
            Latitude = takenAt?.Y,
            Longitude = takenAt?.X,
            Id = Guid.CreateVersion7(now),
            Format = photo.Format,
            Bytes = photo.Content.Length,
            Width = photo.Width,
            Height = photo.Height,
            Sha256 = photo.Sha256,
            UploadedBySubject = actor.Subject,
            UploadedByName = actor.Name,
            UploadedAt = now,
        };

    /// <summary>Names a pending photo in a report. Only its uploader's own report may take it, and only once.</summary>
    public DomainError? AttachTo(Case @case, string subject)
    {
        if (CaseId is not null || UploadedBySubject != subject)
        {
            return DomainError.Invalid("photoIds", "unknown-photo", $"Photo {Id} is not one of your uploaded photos waiting for a report.");
        }

        CaseId = @case.Id;
        Stage = @case.State;
        return null;
    }

    /// <summary>Adds a photo straight to a case that is still being worked.</summary>
    public static Result<CasePhoto> AddTo(Case @case, Photo photo, Actor actor, Point? takenAt, int photosSoFar, DateTimeOffset now)
    {
        if (@case.State is CaseState.Closed or CaseState.Voided)
        {
            return DomainError.Conflict("case-finished", $"Case {@case.Number} is {@case.State}: no more photos.");
        }

        if (photosSoFar >= MaxPerCase)
        {
            return DomainError.Conflict("too-many-photos", $"Case {@case.Number} already has {MaxPerCase} photos.");
        }

        var added = Upload(photo, actor, takenAt, now);
        added.CaseId = @case.Id;
        added.Stage = @case.State;
        return added;
    }

    /// <summary>Photos a case holds in all: the report's and those added while it is worked.</summary>
    public const int MaxPerCase = 30;
}
