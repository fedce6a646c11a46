using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Messaging;
using Platform.Volunteer.Activities;
using Platform.Volunteer.Directory;
using Platform.Volunteer.Hours;
using Platform.Volunteer.Projects;
using Platform.Volunteer.Wishes;
using VolunteerEntity = Platform.Volunteer.Volunteers.Volunteer;

namespace Platform.Volunteer.Data;

public sealed class VolunteerDbContext(DbContextOptions<VolunteerDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<VolunteerEntity> Volunteers => Set<VolunteerEntity>();

    public DbSet<KnownUnit> Units => Set<KnownUnit>();

    public DbSet<KnownPerson> People => Set<KnownPerson>();

    public DbSet<Project> Projects => Set<Project>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Shift> Shifts => Set<Shift>();

    public DbSet<SignUp> SignUps => Set<SignUp>();

    public DbSet<ServiceHoursRecord> Hours => Set<ServiceHoursRecord>();

    public DbSet<Certificate> Certificates => Set<Certificate>();

    public DbSet<Wish> Wishes => Set<Wish>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddMessagingTables().AddIdempotencyTable();
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        modelBuilder.HasSequence<long>("volunteer_number_seq");
        modelBuilder.HasSequence<long>("certificate_number_seq");
        // Each entity's storage is configured next to it, in its <Entity>Configuration.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VolunteerDbContext).Assembly);
    }
}
