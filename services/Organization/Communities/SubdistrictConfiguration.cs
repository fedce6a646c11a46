using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.Communities;

/// <summary>How <see cref="Subdistrict"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class SubdistrictConfiguration : IEntityTypeConfiguration<Subdistrict>
{
    public void Configure(EntityTypeBuilder<Subdistrict> e)
    {
        e.ToTable("subdistrict");
        e.HasKey(x => x.Id);
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Code).HasMaxLength(3);
        e.Property(x => x.Name).HasMaxLength(100);
    }
}
