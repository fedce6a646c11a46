using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using Platform.Grid.Buildings;
using Platform.Grid.Communities;
using Platform.Grid.Data;
using Platform.Grid.Grids;
using Platform.Grid.Import;
using Platform.Grid.Layers;
using Platform.Grid.People;
using Platform.Grid.Staffing;
using Platform.Grid.Visits;

namespace Platform.Grid;

public static class GridModule
{
    public static IHostApplicationBuilder AddGrid(this IHostApplicationBuilder builder)
    {
        builder.AddServiceInfrastructure<GridDbContext>(
            ResourceNames.Grid,
            ResourceNames.GridDb,
            consumers: bus =>
            {
                bus.AddConsumer<CommunityChangedConsumer, ReadModelConsumerDefinition<CommunityChangedConsumer>>();
                bus.AddConsumer<PersonChangedConsumer, ReadModelConsumerDefinition<PersonChangedConsumer>>();
            },
            npgsql: npgsql => npgsql.UseNetTopologySuite()
        );
        builder.AddPersonalDataProtection<GridDbContext>(ResourceNames.Grid);
        builder.Services.Configure<GridOptions>(builder.Configuration.GetSection("Platform:Grid"));
        builder.Services.AddScoped<IImporter, GridsImporter>();
        builder.Services.AddScoped<IImporter, BuildingsImporter>();
        builder.AddImports<GridDbContext>();
        return builder;
    }

    public static WebApplication MapGridApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/grid");
        api.MapDeadLettersApi("Grid");
        api.MapGridMapApi();
        api.MapGridsApi();
        api.MapLookupApi();
        api.MapLayersApi();
        api.MapBuildingsApi();
        api.MapStaffingApi();
        api.MapVisitsApi();
        api.MapImportsApi(Roles.SubdistrictAdmin);
        return app;
    }
}
