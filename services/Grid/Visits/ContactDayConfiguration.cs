using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Grid.Visits;

/// <summary>How <see cref="ContactDay"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class ContactDayConfiguration : IEntityTypeConfiguration<ContactDay>
{
    public void Configure(EntityTypeBuilder<ContactDay> e)
    {
        e.ToTable("contact_days");
        e.HasKey(d => d.Id);
        e.Property(d => d.Title).HasMaxLength(ContactDay.MaxTitleLength);
        e.HasIndex(d => d.Date);
    }
}
