using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Buildings;

/// <summary>How <see cref="Building"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> e)
    {
        e.ToTable("buildings");
        e.HasKey(b => b.Id);
        e.Property(b => b.Name).HasMaxLength(Building.MaxNameLength);
        e.Property(b => b.Address).HasMaxLength(Building.MaxAddressLength);
        e.Property(b => b.AddressKey).HasMaxLength(Building.MaxAddressLength);
        e.Property(b => b.Location).HasColumnType("geometry(Point,4326)");
        e.HasIndex(b => b.AddressKey).IsUnique();
        e.HasIndex(b => b.GridId);
        e.HasIndex(b => b.Location).HasMethod("gist");
        e.HasOne<GridEntity>().WithMany().HasForeignKey(b => b.GridId);
        e.HasOne<Compound>().WithMany().HasForeignKey(b => b.CompoundId);
    }
}
