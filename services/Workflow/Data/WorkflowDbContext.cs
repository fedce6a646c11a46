using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Messaging;
using Platform.Workflow.Grids;

namespace Platform.Workflow.Data;

public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    public DbSet<KnownGrid> KnownGrids => Set<KnownGrid>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables();
        modelBuilder.Entity<KnownGrid>(e =>
        {
            e.ToTable("known_grids");
            e.HasKey(g => g.Id);
            e.Property(g => g.Id).ValueGeneratedNever();
            e.Property(g => g.Code).HasMaxLength(15);
            e.Property(g => g.Name).HasMaxLength(100);
            e.Property(g => g.Type).HasMaxLength(20);
            e.HasIndex(g => g.CommunityId);
        });
    }
}
