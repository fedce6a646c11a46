using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Approvals;

/// <summary>How <see cref="CaseApproval"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CaseApprovalConfiguration : IEntityTypeConfiguration<CaseApproval>
{
    public void Configure(EntityTypeBuilder<CaseApproval> e)
    {
        e.ToTable("case_approvals");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(a => a.Reason).HasMaxLength(Case.MaxReasonLength);
        e.Property(a => a.DecisionNote).HasMaxLength(Case.MaxReasonLength);
        e.Property(a => a.RequestedBySubject).HasMaxLength(100);
        e.Property(a => a.RequestedByName).HasMaxLength(100);
        e.Property(a => a.DecidedBySubject).HasMaxLength(100);
        e.Property(a => a.DecidedByName).HasMaxLength(100);
        e.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId);
        // One open request per case, even when two handlers ask at once.
        e.HasIndex(a => a.CaseId).IsUnique().HasFilter("status = 'Pending'").HasDatabaseName("ix_one_pending_approval_per_case");
    }
}
