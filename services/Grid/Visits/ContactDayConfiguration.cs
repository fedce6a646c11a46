using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Grid.Buildings;
using Platform.Grid.Communities;
using Platform.Grid.Grids;
using Platform.Grid.Layers;
using Platform.Grid.People;
using Platform.Grid.Staffing;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using GridEntity = Platform.Grid.Grids.Grid;

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
