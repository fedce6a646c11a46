using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Grid;
using Platform.Testing;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Tests;

/// <summary>
/// What case tests stand on: grids and layer departments made known to the service through the real broker
/// (as the Grid service would announce them), callers in each role, and short ways to report a case and take a step.
/// </summary>
public abstract class CaseTest(WorkflowServiceFactory service) : WorkflowServiceTest(service)
{
    protected const double West = 97.340,
        North = 37.390,
        Width = 0.004,
        Height = 0.003;

    protected static readonly Guid CommunityId = Guid.Parse("0195a000-0000-7000-8000-0000000000c1");

    protected static TestCaller Operator { get; } =
        TestCaller.In(Roles.CommunityStaff) with
        {
            Communities = [CommunityId],
            Name = "社区工作者",
            PersonId = Guid.NewGuid(),
        };

    protected static TestCaller Resident { get; } = TestCaller.In(Roles.Resident) with { Name = "居民甲" };

    protected internal static TestCaller GridStaffOf(Guid grid) =>
        TestCaller.In(Roles.GridStaff) with
        {
            Grids = [grid],
            Name = "网格员",
            PersonId = Guid.NewGuid(),
        };

    protected static TestCaller HandlerOf(string department) => TestCaller.In(Roles.DepartmentHandler) with { Department = department, Name = "部门办理人" };

    /// <summary>A rectangular grid whose north-west corner is <paramref name="column"/> cells east and <paramref name="row"/> south of the origin.</summary>
    protected internal async Task<Guid> GridAsync(int column, int row = 0, string type = "Urban", Guid? community = null, double size = 1)
    {
        var id = Guid.NewGuid();
        var (w, n) = (West + column * Width, North - row * Height);
        var (e, s) = (w + Width * size, n - Height * size);
        string C(double x, double y) => $"[{x.ToString(CultureInfo.InvariantCulture)},{y.ToString(CultureInfo.InvariantCulture)}]";
        await Bus.Publish(
            new GridChanged
            {
                GridId = id,
                CommunityId = community ?? CommunityId,
                Code = $"6328020010019{Random.Shared.Next(10, 99)}",
                Name = $"测试网格{column}-{row}",
                Type = type,
                Boundary = $"{{\"type\":\"Polygon\",\"coordinates\":[[{C(w, n)},{C(e, n)},{C(e, s)},{C(w, s)},{C(w, n)}]]}}",
                Version = 1,
                OccurredAt = DateTimeOffset.UtcNow,
            }
        );
        await Eventually.TrueAsync(async () => (await Client.GetAsync($"/api/workflow/grids/{id}")).StatusCode == HttpStatusCode.OK, $"grid {id} known");
        return id;
    }

    protected async Task LayerAsync(Guid grid, string layer, string department)
    {
        await Bus.Publish(
            new LayerResponsibilityChanged
            {
                GridId = grid,
                CommunityId = CommunityId,
                Layer = layer,
                DepartmentCode = department,
                Version = 1,
                OccurredAt = DateTimeOffset.UtcNow,
            }
        );
        await Eventually.TrueAsync(
            async () =>
                await Service.ScalarAsync<long>("SELECT count(*) FROM known_layer_responsibilities WHERE grid_id = $1 AND layer = $2", grid, layer) == 1,
            "layer responsibility known"
        );
    }

    /// <summary>The centre of a grid made by <see cref="GridAsync"/>, moved by metres east and north.</summary>
    protected static (double Latitude, double Longitude) Inside(int column, int row = 0, double eastMetres = 0, double northMetres = 0) =>
        (North - (row + 0.5) * Height + northMetres / 111_320.0, West + (column + 0.5) * Width + eastMetres / (111_320.0 * Math.Cos(North * Math.PI / 180)));

    protected IBus Bus => Service.Services.GetRequiredService<IBus>();

    protected internal HttpClient As(TestCaller caller) => Service.ClientAs(caller);

    protected static object Report(
        string category,
        (double Latitude, double Longitude)? at = null,
        string? channel = "GridPatrol",
        Guid? gridId = null,
        string? priority = null
    ) =>
        new
        {
            category,
            description = "楼道堆放杂物",
            channel,
            priority,
            latitude = at?.Latitude,
            longitude = at?.Longitude,
            gridId,
        };

    protected static async Task<CaseResponse> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CaseResponse>())!;
    }

    protected static async Task<CaseResponse> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<CaseResponse>())!;
    }

    protected Task<CaseResponse> ReportAsync(TestCaller caller, object body) => ReportAsync(As(caller), body);

    protected static async Task<CaseResponse> ReportAsync(HttpClient client, object body) =>
        await CreatedAsync(await client.PostAsJsonAsync("/api/workflow/cases", body));

    protected static async Task<CaseResponse> StepAsync(HttpClient client, Guid id, string step, object? body = null) =>
        await OkAsync(await client.PostAsJsonAsync($"/api/workflow/cases/{id}/{step}", body ?? new { }));

    protected internal Task<CaseResponse> StepAsync(TestCaller caller, Guid id, string step, object? body = null) => StepAsync(As(caller), id, step, body);

    protected async Task<List<CaseStepResponse>> TimelineAsync(Guid id) =>
        (await Client.GetFromJsonAsync<List<CaseStepResponse>>($"/api/workflow/cases/{id}/timeline"))!;

    /// <summary>Reported by grid staff of <paramref name="grid"/>, registered and dispatched to the grid by hand.</summary>
    protected internal async Task<CaseResponse> DispatchedToGridAsync(Guid grid, string category = "garbage")
    {
        var reported = await ReportAsync(GridStaffOf(grid), Report(category, gridId: grid));
        await StepAsync(Operator, reported.Id, "register");
        return await StepAsync(Operator, reported.Id, "dispatch", new { level = "Grid" });
    }
}
