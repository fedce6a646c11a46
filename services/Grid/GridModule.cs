using Platform.Grid.Data;
using Platform.Grid.Grids;
using Platform.ServiceDefaults;

namespace Platform.Grid;

public static class GridModule
{
    public static IHostApplicationBuilder AddGrid(this IHostApplicationBuilder builder)
    {
        builder.AddServiceInfrastructure<GridDbContext>(ResourceNames.Grid, ResourceNames.GridDb);
        return builder;
    }

    public static WebApplication MapGridApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/grid");
        api.MapGridsApi();
        return app;
    }
}
