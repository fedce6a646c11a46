using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Grid.Buildings;

/// <summary>How <see cref="Compound"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CompoundConfiguration : IEntityTypeConfiguration<Compound>
{
    public void Configure(EntityTypeBuilder<Compound> e)
    {
        e.ToTable("compounds");
        e.HasKey(c => c.Id);
        e.Property(c => c.Name).HasMaxLength(Compound.MaxNameLength);
        e.Property(c => c.Address).HasMaxLength(Building.MaxAddressLength);
        e.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
        e.HasIndex(c => c.CommunityId);
    }
}
