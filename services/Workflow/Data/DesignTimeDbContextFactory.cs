using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Workflow.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<WorkflowDbContext>
{
    public WorkflowDbContext CreateDbContext(string[] args) =>
        new(Platform.BuildingBlocks.Data.DatabaseExtensions.DesignTimeOptions<WorkflowDbContext>(npgsql: o => o.UseNetTopologySuite()));
}
