using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Categories;

/// <summary>How <see cref="CaseCategory"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CaseCategoryConfiguration : IEntityTypeConfiguration<CaseCategory>
{
    public void Configure(EntityTypeBuilder<CaseCategory> e)
    {
        e.ToTable("case_categories");
        e.HasKey(c => c.Code);
        e.Property(c => c.Code).HasMaxLength(40);
        e.Property(c => c.Name).HasMaxLength(CaseCategory.MaxNameLength);
        e.Property(c => c.Version).IsConcurrencyToken();
        e.Property(c => c.DefaultType).HasConversion<string>().HasMaxLength(20).HasDefaultValue(CaseType.General).HasSentinel(CaseType.General);
        e.HasData(CaseCategory.Defaults);
    }
}
