using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Volunteer.Directory;

/// <summary>How <see cref="KnownUnit"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownUnitConfiguration : IEntityTypeConfiguration<KnownUnit>
{
    public void Configure(EntityTypeBuilder<KnownUnit> e)
    {
        e.ToTable("known_units");
        e.HasKey(u => u.Id);
        e.Property(u => u.Name).HasMaxLength(100);
    }
}
