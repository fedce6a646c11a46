using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Volunteer.Wishes;

/// <summary>How <see cref="Wish"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class WishConfiguration : IEntityTypeConfiguration<Wish>
{
    public void Configure(EntityTypeBuilder<Wish> e)
    {
        e.ToTable("wishes");
        e.HasKey(w => w.Id);
        e.Property(w => w.Title).HasMaxLength(Wish.MaxTitleLength);
        e.Property(w => w.Description).HasMaxLength(Wish.MaxTextLength);
        e.Property(w => w.FulfilmentNote).HasMaxLength(Wish.MaxTextLength);
        e.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(w => w.OwnerSubject).HasMaxLength(100);
        e.Property(w => w.ClaimerSubject).HasMaxLength(100);
        e.HasIndex(w => new { w.Status, w.CommunityId });
        e.Property(w => w.Version).IsConcurrencyToken();
    }
}
