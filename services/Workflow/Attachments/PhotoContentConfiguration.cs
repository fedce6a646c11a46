using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Attachments;

/// <summary>How <see cref="PhotoContent"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PhotoContentConfiguration : IEntityTypeConfiguration<PhotoContent>
{
    public void Configure(EntityTypeBuilder<PhotoContent> e)
    {
        e.ToTable("case_photo_contents");
        e.HasKey(c => c.PhotoId);
        e.HasOne<CasePhoto>().WithOne().HasForeignKey<PhotoContent>(c => c.PhotoId).OnDelete(DeleteBehavior.Cascade);
    }
}
