using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Indices;

/// <summary>How <see cref="RubricVersion"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class RubricVersionConfiguration : IEntityTypeConfiguration<RubricVersion>
{
    public void Configure(EntityTypeBuilder<RubricVersion> e)
    {
        e.ToTable("rubric_versions");
        e.HasKey(v => v.Id);
        e.Property(v => v.Id).ValueGeneratedNever();
        e.Property(v => v.Index).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(v => v.Definition).HasColumnType("jsonb");
        e.Property(v => v.ChangedBy).HasMaxLength(100);
        e.Ignore(v => v.Rubric);
        e.HasIndex(v => new { v.Index, v.Version }).IsUnique();
        // One draft per index, even when two admins start one at once.
        e.HasIndex(v => v.Index).IsUnique().HasFilter("status = 'Draft'").HasDatabaseName("ix_one_draft_per_index");
    }
}
