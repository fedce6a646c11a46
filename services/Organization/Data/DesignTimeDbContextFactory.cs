using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Organization.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<OrganizationDbContext>
{
    public OrganizationDbContext CreateDbContext(string[] args) =>
        new(Platform.BuildingBlocks.Data.DatabaseExtensions.DesignTimeOptions<OrganizationDbContext>(o => o.UseOpenIddict()));
}
