using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Volunteer.Hours;

/// <summary>How <see cref="Certificate"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> e)
    {
        e.ToTable("certificates");
        e.HasKey(c => c.Id);
        e.Property(c => c.Number)
            .HasMaxLength(30)
            .ValueGeneratedOnAdd()
            .HasDefaultValueSql("'HXC-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('certificate_number_seq')::text, 6, '0')");
        e.HasIndex(c => c.Number).IsUnique();
        e.Property(c => c.TotalHours).HasPrecision(7, 2);
        e.Property(c => c.IssuedBy).HasMaxLength(100);
        e.OwnsMany(c => c.Lines, l => l.ToJson("lines"));
    }
}
