using Platform.ServiceDefaults;
using Platform.Volunteer.Data;
using Platform.Volunteer.Volunteers;

namespace Platform.Volunteer;

public static class VolunteerModule
{
    public static IHostApplicationBuilder AddVolunteer(this IHostApplicationBuilder builder)
    {
        builder.AddServiceInfrastructure<VolunteerDbContext>(ResourceNames.Volunteer, ResourceNames.VolunteerDb);
        return builder;
    }

    public static WebApplication MapVolunteerApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/volunteer");
        api.MapVolunteersApi();
        return app;
    }
}
