using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Workflow.Routing;

/// <summary>How <see cref="RoutingRule"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> e)
    {
        e.ToTable("routing_rules");
        e.HasKey(r => r.Id);
        e.Property(r => r.Id).ValueGeneratedNever();
        e.Property(r => r.Category).HasMaxLength(40);
        e.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        e.Property(r => r.Layer).HasMaxLength(50);
        e.Property(r => r.Department).HasMaxLength(100);
        e.Property(r => r.Note).HasMaxLength(RoutingRule.MaxNoteLength);
        e.Property(r => r.Version).IsConcurrencyToken();
        e.Ignore(r => r.Specificity);
        // One rule per exact (category, grid, community): two would leave dispatch ambiguous.
        e.HasIndex(r => new
            {
                r.Category,
                r.GridId,
                r.CommunityId,
            })
            .IsUnique()
            .AreNullsDistinct(false);
    }
}
