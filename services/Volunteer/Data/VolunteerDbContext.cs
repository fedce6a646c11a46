using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Messaging;
using VolunteerEntity = Platform.Volunteer.Volunteers.Volunteer;

namespace Platform.Volunteer.Data;

public sealed class VolunteerDbContext(DbContextOptions<VolunteerDbContext> options) : DbContext(options)
{
    public DbSet<VolunteerEntity> Volunteers => Set<VolunteerEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<VolunteerEntity>(e =>
        {
            e.ToTable("volunteers");
            e.HasKey(v => v.Id);
            e.Property(v => v.Name).HasMaxLength(VolunteerEntity.MaxNameLength);
            e.Property(v => v.Skills).HasColumnType("text[]");
            e.HasIndex(v => v.Skills).HasMethod("gin");
            e.Property(v => v.AccountSubject).HasMaxLength(100);
            e.HasIndex(v => v.AccountSubject);
        });
    }
}
