using MassTransit;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using Platform.Volunteer.Activities;
using Platform.Volunteer.Data;
using Platform.Volunteer.Directory;
using Platform.Volunteer.Hours;
using Platform.Volunteer.Projects;
using Platform.Volunteer.Volunteers;
using Platform.Volunteer.Wishes;

namespace Platform.Volunteer;

public static class VolunteerModule
{
    public static IHostApplicationBuilder AddVolunteer(this IHostApplicationBuilder builder)
    {
        builder.AddServiceInfrastructure<VolunteerDbContext>(ResourceNames.Volunteer, ResourceNames.VolunteerDb, consumers: bus =>
        {
            bus.AddConsumer<MemberUnitJoinedConsumer, ReadModelConsumerDefinition<MemberUnitJoinedConsumer>>();
            bus.AddConsumer<PersonChangedConsumer, ReadModelConsumerDefinition<PersonChangedConsumer>>();
        });
        // Kept answers of retried requests are personal data at rest: encrypted with the service's own key ring.
        builder.AddPersonalDataProtection<VolunteerDbContext>(ResourceNames.Volunteer);
        builder.Services.Configure<VolunteerOptions>(builder.Configuration.GetSection("Platform:Volunteer"));
        return builder;
    }

    public static WebApplication MapVolunteerApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/volunteer");
        api.MapDeadLettersApi("Volunteer");
        api.MapVolunteersApi();
        api.MapProjectsApi();
        api.MapActivitiesApi();
        api.MapHoursApi();
        api.MapWishesApi();
        return app;
    }
}
