using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Grid.Staffing;

/// <summary>How <see cref="AssistantQuota"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class AssistantQuotaConfiguration : IEntityTypeConfiguration<AssistantQuota>
{
    public void Configure(EntityTypeBuilder<AssistantQuota> e)
    {
        e.ToTable("assistant_quota");
        e.HasKey(q => q.Id);
        e.Property(q => q.Id).ValueGeneratedNever();
    }
}
