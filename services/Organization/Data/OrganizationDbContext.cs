using Microsoft.EntityFrameworkCore;
using Platform.Organization.Communities;
using Platform.ServiceDefaults.Messaging;

namespace Platform.Organization.Data;

public sealed class OrganizationDbContext(DbContextOptions<OrganizationDbContext> options) : DbContext(options)
{
    public DbSet<Community> Communities => Set<Community>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<Community>(e =>
        {
            e.ToTable("communities");
            e.HasKey(c => c.Id);
            e.Property(c => c.Code).HasMaxLength(3);
            e.Property(c => c.Name).HasMaxLength(Community.MaxNameLength);
            e.HasIndex(c => c.Code).IsUnique();
        });
    }
}
