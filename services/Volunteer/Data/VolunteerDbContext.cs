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
        modelBuilder.Entity<VolunteerEntity>(e =>
        {
            e.ToTable("volunteers");
            e.HasKey(v => v.Id);
            e.Property(v => v.Name).HasMaxLength(VolunteerEntity.MaxNameLength);
            e.Property(v => v.Skills).HasColumnType("text[]");
            e.HasIndex(v => v.Skills).HasMethod("gin");
            e.Property(v => v.AccountSubject).HasMaxLength(100);
            // One volunteer record per account, even when two registrations race.
            e.HasIndex(v => v.AccountSubject).IsUnique().HasFilter("account_subject IS NOT NULL");
            e.HasIndex(v => v.PersonId);
            e.Property(v => v.Availability).HasMaxLength(VolunteerEntity.MaxAvailabilityLength);
            e.Property(v => v.Number).HasMaxLength(20).ValueGeneratedOnAdd()
                .HasDefaultValueSql("'HX' || lpad(nextval('volunteer_number_seq')::text, 6, '0')");
            e.HasIndex(v => v.Number).IsUnique();
        });
        modelBuilder.Entity<KnownUnit>(e =>
        {
            e.ToTable("known_units");
            e.HasKey(u => u.Id);
            e.Property(u => u.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<KnownPerson>(e =>
        {
            e.ToTable("known_people");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(50);
        });
        modelBuilder.Entity<Project>(e =>
        {
            e.ToTable("projects");
            e.HasKey(p => p.Id);
            e.Property(p => p.Title).HasMaxLength(Project.MaxTitleLength);
            e.Property(p => p.Field).HasMaxLength(40);
            e.Property(p => p.Goal).HasMaxLength(Project.MaxTextLength);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.OwnsMany(p => p.Claims, c =>
            {
                c.ToJson("claims");
                c.Property(x => x.Status).HasConversion<string>();
            });
            e.OwnsMany(p => p.Evaluations, c => c.ToJson("evaluations"));
            e.Ignore(p => p.ConfirmedClaims);
            e.HasIndex(p => new { p.Status, p.CommunityId });
        });
        modelBuilder.Entity<Activity>(e =>
        {
            e.ToTable("activities");
            e.HasKey(a => a.Id);
            e.Property(a => a.Title).HasMaxLength(Activity.MaxTitleLength);
            e.Property(a => a.Place).HasMaxLength(Activity.MaxPlaceLength);
            e.Property(a => a.RequiredSkills).HasColumnType("text[]");
            e.Property(a => a.CheckInCode).HasMaxLength(10);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(a => a.ProjectId);
            e.Property(a => a.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Shift>(e =>
        {
            e.ToTable("shifts");
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.ActivityId);
            e.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityId);
        });
        modelBuilder.Entity<SignUp>(e =>
        {
            e.ToTable("sign_ups");
            e.HasKey(s => s.Id);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(s => new { s.ShiftId, s.Status, s.SignedUpAt });
            e.HasIndex(s => new { s.VolunteerId, s.Status });
            e.HasOne<Shift>().WithMany().HasForeignKey(s => s.ShiftId);
        });
        modelBuilder.Entity<ServiceHoursRecord>(e =>
        {
            e.ToTable("service_hours");
            e.HasKey(h => h.Id);
            // One record per sign-up: hours are never counted twice.
            e.HasIndex(h => h.SignUpId).IsUnique();
            e.HasIndex(h => new { h.VolunteerId, h.ServedOn });
            e.Property(h => h.Hours).HasPrecision(5, 2);
            e.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(h => h.ActivityTitle).HasMaxLength(Activity.MaxTitleLength);
            e.Property(h => h.RecordedBy).HasMaxLength(200);
            e.Property(h => h.RecordNote).HasMaxLength(ServiceHoursRecord.MaxReasonLength);
            e.Property(h => h.VolunteerSubject).HasMaxLength(100);
            e.Property(h => h.ApprovedBy).HasMaxLength(100);
            e.OwnsMany(h => h.Corrections, c => c.ToJson("corrections"));
            e.Property(h => h.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Certificate>(e =>
        {
            e.ToTable("certificates");
            e.HasKey(c => c.Id);
            e.Property(c => c.Number).HasMaxLength(30).ValueGeneratedOnAdd()
                .HasDefaultValueSql("'HXC-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('certificate_number_seq')::text, 6, '0')");
            e.HasIndex(c => c.Number).IsUnique();
            e.Property(c => c.TotalHours).HasPrecision(7, 2);
            e.Property(c => c.IssuedBy).HasMaxLength(100);
            e.OwnsMany(c => c.Lines, l => l.ToJson("lines"));
        });
        modelBuilder.Entity<Wish>(e =>
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
        });
    }
}
