using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Attachments;

/// <summary>How <see cref="CasePhoto"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CasePhotoConfiguration : IEntityTypeConfiguration<CasePhoto>
{
    public void Configure(EntityTypeBuilder<CasePhoto> e)
    {
        e.ToTable("case_photos");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Format).HasConversion<string>().HasMaxLength(10);
        e.Property(p => p.Stage).HasConversion<string>().HasMaxLength(20);
        e.Property(p => p.Sha256).HasMaxLength(64);
        e.Property(p => p.UploadedBySubject).HasMaxLength(100);
        e.Property(p => p.UploadedByName).HasMaxLength(100);
        e.Ignore(p => p.ContentType);
        e.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId);
        e.HasIndex(p => new { p.CaseId, p.UploadedAt });
        // The sweep of photos never named by a report.
        e.HasIndex(p => p.UploadedAt).HasFilter("case_id IS NULL").HasDatabaseName("ix_case_photos_pending");
    }
}
