using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Messaging;

public sealed record DeadLetterList(long Total, IReadOnlyList<DeadLetter> Messages);

public sealed record DeadLetterReplayResponse(
    Guid Id,
    string MessageId,
    string Queue,
    string? MessageType,
    string? Reason,
    string ReplayedBy,
    DateTimeOffset ReplayedAt
)
{
    public static DeadLetterReplayResponse From(DeadLetterReplay r) => new(r.Id, r.MessageId, r.Queue, r.MessageType, r.Reason, r.ReplayedBy, r.ReplayedAt);
}

/// <summary>The service's own database, where operators' actions on its machinery are recorded.</summary>
public sealed class OperationsLog(DbContext db)
{
    public DbContext Db { get; } = db;
}

/// <summary>
/// For an operator: the messages this service's consumers gave up on, each with the exception that stopped it, and
/// sending one back to its consumer once the cause is fixed (audited: who, when, which message, why it had failed).
/// </summary>
public static class DeadLettersApi
{
    public const int MaxListed = 500;

    /// <param name="service">The service's name in operation ids, unique across the suite's documents (ListWorkflowDeadLetters).</param>
    public static RouteGroupBuilder MapDeadLettersApi(this RouteGroupBuilder api, string service)
    {
        var admin = api.MapGroup("/admin/dead-letters").WithTags("Operations");
        admin
            .MapGet("/", List)
            .WithName($"List{service}DeadLetters")
            .WithDescription(
                "Messages this service's consumers gave up on (their error queues), oldest first in each queue, with the "
                    + "exception and its message. Looking does not take them off their queue."
            )
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "invalid-limit");
        admin
            .MapPost("/{messageId}/replay", Replay)
            .WithName($"Replay{service}DeadLetter")
            .WithDescription(
                "Sends a message back from its error queue to its consumer, after the cause was fixed; the consumer's inbox "
                    + "keeps it from being applied twice. Audited."
            )
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(404, "dead-letter-not-found");
        admin
            .MapGet("/replays", Replays)
            .WithName($"List{service}DeadLetterReplays")
            .WithDescription("The audit of replays: who sent which message back, when, and why it had failed; newest first.")
            .Allow(Roles.SubdistrictAdmin)
            .Refuses(400, "invalid-page", "invalid-page-size");
        return api;
    }

    public static async Task<Results<Ok<DeadLetterList>, ProblemHttpResult>> List(DeadLetters letters, int? limit, CancellationToken ct)
    {
        if (limit is < 1 or > MaxListed)
        {
            return Api.Problems.From(DomainError.Invalid("limit", "invalid-limit", $"limit is 1 to {MaxListed}."));
        }

        var (total, messages) = await letters.ListAsync(limit ?? 100, ct);
        return TypedResults.Ok(new DeadLetterList(total, messages));
    }

    public static async Task<Results<Ok<DeadLetterReplayResponse>, ProblemHttpResult>> Replay(
        string messageId,
        Caller caller,
        DeadLetters letters,
        OperationsLog log,
        TimeProvider clock,
        ILoggerFactory logs,
        CancellationToken ct
    )
    {
        if (await letters.ReplayAsync(messageId, ct) is not { } letter)
        {
            return Api.Problems.From(DomainError.NotFound("dead-letter-not-found", $"No error queue of this service holds message {messageId}."));
        }

        var replay = DeadLetterReplay.Of(letter, caller.Name, clock.GetUtcNow());
        log.Db.Set<DeadLetterReplay>().Add(replay);
        await log.Db.SaveChangesAsync(ct);
        logs.CreateLogger("Platform.Audit")
            .LogInformation(
                "{Operator} sent message {MessageId} ({MessageType}) back from {Queue}_error to its consumer; it had failed with: {Reason}",
                caller.Name,
                letter.MessageId,
                letter.MessageType,
                letter.Queue,
                letter.Reason
            );
        return TypedResults.Ok(DeadLetterReplayResponse.From(replay));
    }

    public static async Task<Results<Ok<Page<DeadLetterReplayResponse>>, ProblemHttpResult>> Replays(
        OperationsLog log,
        int? page,
        int? pageSize,
        CancellationToken ct
    )
    {
        if (!Paging.Validate(page, pageSize).TryGet(out var paging, out var error))
        {
            return Api.Problems.From(error);
        }

        return TypedResults.Ok(
            await log
                .Db.Set<DeadLetterReplay>()
                .AsNoTracking()
                .OrderByDescending(r => r.ReplayedAt)
                .ThenByDescending(r => r.Id)
                .ToPageAsync(paging, DeadLetterReplayResponse.From, ct)
        );
    }
}
