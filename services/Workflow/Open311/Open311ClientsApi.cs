using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Api;
using Platform.Workflow.Data;

namespace Platform.Workflow.Open311;

public sealed record Open311ClientRequest([property: Required] string? Name);

public sealed record Open311ClientResponse(Guid Id, string Name, string KeyPrefix, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt)
{
    public static Open311ClientResponse From(Open311Client c) => new(c.Id, c.Name, c.KeyPrefix, c.IssuedAt, c.RevokedAt);
}

/// <summary>The key is in this answer only: it is stored as a hash.</summary>
public sealed record IssuedOpen311Client(Guid Id, string Name, string ApiKey, DateTimeOffset IssuedAt);

/// <summary>The subdistrict admin issues and revokes the api_keys third-party Open311 clients post with.</summary>
public static class Open311ClientsApi
{
    public static RouteGroupBuilder MapOpen311ClientsApi(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/open311-clients").WithTags("Open311 clients");
        clients
            .MapPost("/", Issue)
            .WithName("IssueOpen311Key")
            .Allow(Roles.SubdistrictAdmin)
            .WithDescription("Issues an api_key for a third-party client. The key is shown in this answer only.")
            .Refuses(400, "invalid-client-name");
        clients.MapGet("/", List).WithName("ListOpen311Clients").Allow(Roles.SubdistrictAdmin);
        clients
            .MapPost("/{id:guid}/revoke", Revoke)
            .WithName("RevokeOpen311Key")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(404, "open311-client-not-found")
            .Refuses(409, "client-revoked");
        return api;
    }

    public static async Task<Results<Created<IssuedOpen311Client>, ProblemHttpResult>> Issue(
        Open311ClientRequest request,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        if (!Open311Client.Issue(request.Name, clock.GetUtcNow()).TryGet(out var issued, out var error))
        {
            return Problems.From(error);
        }

        var (client, key) = issued;
        db.Open311Clients.Add(client);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/workflow/open311-clients/{client.Id}", new IssuedOpen311Client(client.Id, client.Name, key, client.IssuedAt));
    }

    public static async Task<Ok<List<Open311ClientResponse>>> List(WorkflowDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Open311Clients.AsNoTracking().OrderBy(c => c.IssuedAt).ToListAsync(ct)).Select(Open311ClientResponse.From).ToList());

    public static async Task<Results<Ok<Open311ClientResponse>, ProblemHttpResult>> Revoke(
        Guid id,
        WorkflowDbContext db,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var client = await db.Open311Clients.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (client is null)
        {
            return Problems.NotFound("open311 client", id);
        }

        if (client.Revoke(clock.GetUtcNow()) is { } error)
        {
            return Problems.From(error);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Open311ClientResponse.From(client));
    }
}
