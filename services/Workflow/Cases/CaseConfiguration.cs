using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Workflow.Cases;

/// <summary>How <see cref="Case"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> e)
    {
        e.ToTable("cases");
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Number).HasMaxLength(20);
        e.Property(c => c.Category).HasMaxLength(40);
        e.Property(c => c.Description).HasMaxLength(Case.MaxDescriptionLength);
        e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Priority).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Type).HasConversion<string>().HasMaxLength(20).HasDefaultValue(CaseType.General).HasSentinel(CaseType.General);
        e.Property(c => c.Agreement).HasMaxLength(Case.MaxTextLength);
        e.Property(c => c.ReferredTo).HasMaxLength(200);
        e.HasMany(c => c.Parties).WithOne().HasForeignKey(p => p.CaseId);
        e.Navigation(c => c.Parties).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasMany(c => c.Meetings).WithOne().HasForeignKey(m => m.CaseId);
        e.Navigation(c => c.Meetings).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasMany(c => c.Tasks).WithOne().HasForeignKey(t => t.CaseId);
        e.Navigation(c => c.Tasks).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.Property(c => c.Location).HasColumnType("geometry(Point,4326)");
        e.ComplexProperty(c => c.Address, a => a.StoredAs("address", 60));
        e.Property(c => c.ReporterSubject).HasMaxLength(100);
        e.Property(c => c.SourceRef).HasMaxLength(100);
        e.Property(c => c.VoidReason).HasMaxLength(Case.MaxReasonLength + 100);
        e.Property(c => c.HandlerLevel).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.SupervisingLevel).HasConversion<string>().HasMaxLength(20);
        e.Property(c => c.Department).HasMaxLength(100);
        e.Property(c => c.HandledByName).HasMaxLength(100);
        e.Property(c => c.HandledBySubject).HasMaxLength(100);
        e.OwnsOne(
            c => c.Deadline,
            d =>
            {
                // The clock's columns keep their names in the case's row.
                d.Property(x => x.DueAt).HasColumnName("due_at");
                d.Property(x => x.WarnAt).HasColumnName("warn_at");
                d.Property(x => x.WarnedAt).HasColumnName("warned_at");
                d.Property(x => x.OverdueAt).HasColumnName("overdue_at");
                d.Property(x => x.NextEscalationAt).HasColumnName("next_escalation_at");
                d.Property(x => x.DeferredAt).HasColumnName("deferred_at");
                d.Property(x => x.NextCheckAt).HasColumnName("next_check_at");
                d.HasIndex(x => x.DueAt);
                // The deadline timer's whole work list: cases whose next warning, deadline or escalation has come.
                d.HasIndex(x => x.NextCheckAt).HasFilter("next_check_at IS NOT NULL");
            }
        );
        e.Navigation(c => c.Deadline).IsRequired();
        e.HasIndex(c => c.DispatchedAt);
        e.Property(c => c.Result).HasMaxLength(Case.MaxTextLength);
        e.Property(c => c.Reply).HasMaxLength(Case.MaxTextLength);
        e.Property(c => c.Rating).HasConversion<string>().HasMaxLength(30);
        e.Property(c => c.RatingComment).HasMaxLength(Case.MaxReasonLength);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Ignore(c => c.IsOverdue);
        e.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId);
        e.Navigation(c => c.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasMany(c => c.Reporters).WithOne().HasForeignKey(r => r.CaseId);
        e.Navigation(c => c.Reporters).UsePropertyAccessMode(PropertyAccessMode.Field);
        e.HasIndex(c => c.Number).IsUnique();
        e.HasIndex(c => c.SourceRef).IsUnique().HasFilter("source_ref IS NOT NULL");
        e.HasIndex(c => c.Location).HasMethod("gist");
        // The duplicate search at intake: open cases of a category near a point within a time window, found
        // through this index whatever the register's size (without it, a report where nothing is open nearby
        // read every case of its category in the window).
        e.HasIndex(c => new
            {
                c.Category,
                c.Location,
                c.ReportedAt,
            })
            .HasMethod("gist")
            .HasFilter("state NOT IN ('Voided', 'Closed') AND location IS NOT NULL")
            .HasDatabaseName("ix_cases_open_nearby");
        // The register's default order (newest first): a page of it read from the index, not a sort of every case
        // (136 ms at a million cases, on every list request; bench/results/load.md).
        e.HasIndex(c => new { c.ReportedAt, c.Id });
        e.HasIndex(c => new { c.State, c.ReportedAt });
        e.HasIndex(c => new { c.CommunityId, c.ReportedAt });
        e.HasIndex(c => new { c.GridId, c.ReportedAt });
        e.HasIndex(c => c.Department);
        e.HasIndex(c => c.ReporterSubject);
        e.HasIndex(c => new { c.Category, c.ReportedAt });
    }
}
