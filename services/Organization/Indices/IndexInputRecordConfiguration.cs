using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Indices;

/// <summary>How <see cref="IndexInputRecord"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class IndexInputRecordConfiguration : IEntityTypeConfiguration<IndexInputRecord>
{
    public void Configure(EntityTypeBuilder<IndexInputRecord> e)
    {
        e.ToTable("index_inputs");
        e.HasKey(i => i.Id);
        e.Property(i => i.Id).ValueGeneratedNever();
        e.Property(i => i.Kind).HasMaxLength(50);
        e.Property(i => i.SourceKey).HasMaxLength(100);
        e.Property(i => i.Quantity).HasPrecision(10, 2);
        e.Property(i => i.Note).HasMaxLength(200);
        e.Property(i => i.EnteredBy).HasMaxLength(100);
        e.Property(i => i.Reason).HasMaxLength(500);
        e.Property(i => i.Evidence).HasMaxLength(500);
        // Once per source: a re-delivered or corrected event updates the input, never adds a second.
        e.HasIndex(i => new { i.Kind, i.SourceKey }).IsUnique();
        e.HasIndex(i => new { i.PersonId, i.At });
        e.HasIndex(i => new { i.OrganizationId, i.At });
        e.HasIndex(i => new { i.CommunityId, i.At });
        e.HasIndex(i => i.At);
        // What the score refresher has still to do.
        e.HasIndex(i => i.Id).HasFilter("NOT scored").HasDatabaseName("ix_index_inputs_unscored");
    }
}
