using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Organization.People;

/// <summary>How <see cref="PersonalDataReveal"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class PersonalDataRevealConfiguration : IEntityTypeConfiguration<PersonalDataReveal>
{
    public void Configure(EntityTypeBuilder<PersonalDataReveal> e)
    {
        e.ToTable("personal_data_reveals");
        e.HasKey(r => r.Id);
        e.Property(r => r.RevealedBy).HasMaxLength(200);
        e.Property(r => r.Reason).HasMaxLength(PeopleApi.MaxReasonLength);
        e.HasIndex(r => new { r.PersonId, r.RevealedAt });
    }
}
