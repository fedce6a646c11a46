using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Grid.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GridDbContext>
{
    public GridDbContext CreateDbContext(string[] args) =>
        new(Platform.BuildingBlocks.Data.DatabaseExtensions.DesignTimeOptions<GridDbContext>(npgsql: o => o.UseNetTopologySuite()));
}
