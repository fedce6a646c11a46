using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Volunteer.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<VolunteerDbContext>
{
    public VolunteerDbContext CreateDbContext(string[] args) => new(Platform.BuildingBlocks.Data.DatabaseExtensions.DesignTimeOptions<VolunteerDbContext>());
}
