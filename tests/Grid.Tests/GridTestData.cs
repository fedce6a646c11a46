using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Organization;
using Platform.Grid.Communities;
using Platform.Grid.Data;
using Platform.Grid.Grids;
using Platform.Grid.People;

namespace Platform.Grid.Tests;

/// <summary>What Grid tests stand on: communities and people as the Organization service would announce them, and grids with boundaries.</summary>
public abstract class GridApiTest(GridServiceFactory service) : GridServiceTest(service)
{
    protected internal static readonly Guid CommunityA = Guid.Parse("0195a000-0000-7000-8000-000000000001");
    protected static readonly Guid CommunityB = Guid.Parse("0195a000-0000-7000-8000-000000000002");

    /// <summary>A square boundary (GeoJSON) with its north-west corner at (west, north), <paramref name="size"/> degrees a side.</summary>
    protected static JsonElement Square(double west, double north, double size = 0.01)
    {
        // Rounded as a client would send them: neighbours share their edge exactly, so they touch and do not overlap.
        var (w, n, e, s) = (Math.Round(west, 9), Math.Round(north, 9), Math.Round(west + size, 9), Math.Round(north - size, 9));
        return JsonSerializer.SerializeToElement(
            new { type = "Polygon", coordinates = new[] { new[] { new[] { w, n }, new[] { e, n }, new[] { e, s }, new[] { w, s }, new[] { w, n } } } }
        );
    }

    protected internal async Task KnowCommunitiesAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridDbContext>();
        db.Communities.Add(
            KnownCommunity.From(
                new CommunityChanged
                {
                    CommunityId = CommunityA,
                    Code = "001",
                    Name = "长江路社区",
                    Version = 1,
                    OccurredAt = DateTimeOffset.UtcNow,
                }
            )
        );
        db.Communities.Add(
            KnownCommunity.From(
                new CommunityChanged
                {
                    CommunityId = CommunityB,
                    Code = "002",
                    Name = "祁连路社区",
                    Version = 1,
                    OccurredAt = DateTimeOffset.UtcNow,
                }
            )
        );
        await db.SaveChangesAsync();
    }

    protected internal async Task<Guid> KnowPersonAsync(string name, bool cadre = false, Guid? staffOf = null)
    {
        var id = Guid.NewGuid();
        await using var scope = Service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridDbContext>();
        db.People.Add(
            KnownPerson.From(
                new PersonChanged
                {
                    PersonId = id,
                    Name = name,
                    IsCadre = cadre,
                    StaffCommunityId = staffOf,
                    Version = 1,
                    OccurredAt = DateTimeOffset.UtcNow,
                }
            )
        );
        await db.SaveChangesAsync();
        return id;
    }

    protected internal async Task<GridResponse> GridAsync(
        string code,
        JsonElement? boundary,
        string type = "Urban",
        Guid? community = null,
        int complexity = 30
    )
    {
        var response = await Client.PostAsJsonAsync(
            "/api/grid/grids",
            new GridRequest(code, "网格" + code[^3..], type, community ?? CommunityA, boundary, 300, 800, complexity)
        );
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{code}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<GridResponse>())!;
    }
}
