using Microsoft.EntityFrameworkCore;
using Platform.Workflow.Data;

namespace Platform.Workflow.Attachments;

public enum PhotoVariant
{
    Full,
    Thumbnail,
}

/// <summary>
/// Where photo bytes are kept. The default keeps them in the Workflow database (table <c>case_photo_contents</c>),
/// written in the same transaction as the photo's record, so a photo never exists half. An S3-compatible store
/// (MinIO, a cloud bucket) implements the same three calls with object keys <c>photos/{id}</c> and
/// <c>photos/{id}/thumbnail</c>: it puts the objects before the record is saved and leaves orphans to the
/// pending-photo sweep (docs/clients.md, "Case photos").
/// </summary>
public interface IPhotoStore
{
    void Put(CasePhoto record, Photo photo);

    Task<byte[]?> ReadAsync(Guid id, PhotoVariant variant, CancellationToken ct);
}

/// <summary>The bytes of one photo and its thumbnail, apart from the record so lists never load them.</summary>
public sealed class PhotoContent
{
    public Guid PhotoId { get; init; }

    public byte[] Content { get; init; } = [];

    public byte[] Thumbnail { get; init; } = [];
}

public sealed class DatabasePhotoStore(WorkflowDbContext db) : IPhotoStore
{
    public void Put(CasePhoto record, Photo photo) =>
        db.PhotoContents.Add(
            new PhotoContent
            {
                PhotoId = record.Id,
                Content = photo.Content,
                Thumbnail = photo.Thumbnail,
            }
        );

    public async Task<byte[]?> ReadAsync(Guid id, PhotoVariant variant, CancellationToken ct)
    {
        var contents = db.PhotoContents.AsNoTracking().Where(c => c.PhotoId == id);
        return variant == PhotoVariant.Thumbnail
            ? await contents.Select(c => c.Thumbnail).FirstOrDefaultAsync(ct)
            : await contents.Select(c => c.Content).FirstOrDefaultAsync(ct);
    }
}
