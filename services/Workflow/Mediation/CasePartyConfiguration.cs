using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.BuildingBlocks.PersonalData;

namespace Platform.Workflow.Mediation;

/// <summary>How <see cref="CaseParty"/> is stored (applied by the service's DbContext with the others of its assembly).</summary>
internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> e)
    {
        e.ToTable("case_parties");
        e.HasKey(p => p.Id);
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Role).HasConversion<string>().HasMaxLength(20);
        e.ComplexProperty(p => p.Name, n => n.StoredAs("name", 60));
        e.ComplexProperty(p => p.Phone, n => n.StoredAs("phone", 60));
        e.HasIndex(p => p.CaseId);
    }
}
