using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks;
using Platform.BuildingBlocks.Import;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.PersonalData;
using Platform.Organization.Accounts;
using Platform.Organization.Activities;
using Platform.Organization.Communities;
using Platform.Organization.Data;
using Platform.Organization.Deliberations;
using Platform.Organization.GridPosts;
using Platform.Organization.Import;
using Platform.Organization.Indices;
using Platform.Organization.MemberUnits;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Posts;
using Platform.Organization.Registrations;

namespace Platform.Organization;

public static class OrganizationModule
{
    public static IHostApplicationBuilder AddOrganization(this IHostApplicationBuilder builder)
    {
        builder.AddServiceInfrastructure<OrganizationDbContext>(
            ResourceNames.Organization,
            ResourceNames.OrganizationDb,
            consumers: bus =>
            {
                bus.AddConsumer<GridStaffChangedConsumer, ReadModelConsumerDefinition<GridStaffChangedConsumer>>();
                bus.AddConsumer<ServiceHoursInputConsumer, ReadModelConsumerDefinition<ServiceHoursInputConsumer>>();
                bus.AddConsumer<CaseClosedInputConsumer, ReadModelConsumerDefinition<CaseClosedInputConsumer>>();
                bus.AddConsumer<VisitInputConsumer, ReadModelConsumerDefinition<VisitInputConsumer>>();
                bus.AddConsumer<AssessmentInputConsumer, ReadModelConsumerDefinition<AssessmentInputConsumer>>();
                bus.AddConsumer<CaseRepliedInputConsumer, ReadModelConsumerDefinition<CaseRepliedInputConsumer>>();
                bus.AddConsumer<CaseOverdueInputConsumer, ReadModelConsumerDefinition<CaseOverdueInputConsumer>>();
                bus.AddConsumer<WishFulfilledInputConsumer, ReadModelConsumerDefinition<WishFulfilledInputConsumer>>();
                bus.AddConsumer<ProjectClaimedInputConsumer, ReadModelConsumerDefinition<ProjectClaimedInputConsumer>>();
                bus.AddConsumer<ActivityCompletedInputConsumer, ReadModelConsumerDefinition<ActivityCompletedInputConsumer>>();
            },
            database: options => options.UseOpenIddict()
        );
        builder.AddSignIn();
        builder.AddPersonalDataProtection<OrganizationDbContext>(ResourceNames.Organization);
        RosterImport.AddRosterImports(builder.Services);
        builder.AddImports<OrganizationDbContext>();
        builder.AddIndices();
        return builder;
    }

    public static WebApplication MapOrganizationApi(this WebApplication app)
    {
        app.MapTokenEndpoint();
        app.MapAuthorizationEndpoint();
        app.MapSignInPage();
        var api = app.MapGroup("/api/organization");
        api.MapDeadLettersApi("Organization");
        api.MapCommunitiesApi();
        api.MapPartyOrganizationsApi();
        api.MapPeopleApi();
        api.MapIndicesApi();
        api.MapPostsApi();
        api.MapRegistrationsApi();
        api.MapMemberUnitsApi();
        api.MapActivitiesApi();
        api.MapDeliberationsApi();
        api.MapImportsApi(Roles.SubdistrictAdmin);
        api.MapSecurityEventsApi();
        api.MapAccountsApi();
        return app;
    }
}
