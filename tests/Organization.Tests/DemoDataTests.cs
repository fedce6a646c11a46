using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Organization.Data;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.Registrations;

namespace Platform.Organization.Tests;

public class DemoDataTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private async Task SeedAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        await DemoData.SeedAsync(scope.ServiceProvider.GetRequiredService<OrganizationDbContext>(), scope.ServiceProvider, CancellationToken.None);
    }

    [Fact]
    public async Task Seeding_builds_a_whole_subdistrict_once()
    {
        await SeedAsync();
        var counts = await Service.ScalarAsync<string>(
            "SELECT concat_ws('/', (SELECT count(*) FROM communities), (SELECT count(*) FROM party_organizations), (SELECT "
                + "count(*) FROM people), (SELECT count(*) FROM posts))"
        );

        await SeedAsync();

        Assert.Equal(
            counts,
            await Service.ScalarAsync<string>(
                "SELECT concat_ws('/', (SELECT count(*) FROM communities), (SELECT count(*) FROM party_organizations), (SELECT "
                    + "count(*) FROM people), (SELECT count(*) FROM posts))"
            )
        );
        var tree = await Client.GetFromJsonAsync<TreeNode>("/api/organization/organizations/tree");
        Assert.Equal("河西街道工委", tree!.Name);
        Assert.Equal(4, tree.Children.Count(c => c.Kind is "CommunityGeneralBranch" or "CommunityBranch"));
        Assert.Contains(tree.Children, c => c.Kind == "MassOrganization");
        var report = await Client.GetFromJsonAsync<List<RegistrationReportRow>>("/api/organization/registrations/report?by=community");
        Assert.Equal(1, Assert.Single(report!).Registered);
    }
}
