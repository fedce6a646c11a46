using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Grid.People;

/// <summary>How <see cref="KnownPerson"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class KnownPersonConfiguration : IEntityTypeConfiguration<KnownPerson>
{
    public void Configure(EntityTypeBuilder<KnownPerson> e)
    {
        e.ToTable("known_people");
        e.HasKey(p => p.Id);
        e.Property(p => p.Name).HasMaxLength(50);
    }
}
