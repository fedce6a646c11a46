using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.BuildingBlocks.Security;

namespace Platform.BuildingBlocks.Api;

/// <summary>
/// A creating request's first answer, kept per caller and <c>Idempotency-Key</c> for a while (default a day,
/// <c>Platform:Api:Idempotency:KeepFor</c>): a retry of the same request gets that answer again, never a second record.
/// </summary>
public sealed class IdempotentRequest
{
    public required string Caller { get; init; }

    public required string Key { get; init; }

    /// <summary>A keyed hash (HMAC-SHA256) of the method, the path and the body: the same key with another request is refused.</summary>
    public required string RequestHash { get; init; }

    public required int StatusCode { get; init; }

    public string? ContentType { get; init; }

    public string? Location { get; init; }

    /// <summary>The answer's body, encrypted: it may hold personal data.</summary>
    public required byte[] Body { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>
/// <c>Idempotency-Key</c> on a POST, declared per endpoint in one word: <c>.Idempotent()</c>. With the header, the
/// request runs in one transaction with the record of its answer: the same key and body again get the first answer
/// (with <c>Idempotent-Replayed: true</c>), the same key with another request a 422, a request while the first is
/// still running a 409. Only successful answers are kept: a refused request may be corrected and sent again.
/// Without the header an endpoint behaves as before.
/// </summary>
public static class Idempotency
{
    public const string Header = IdempotencyKey.Header;
    public const string ReplayedHeader = IdempotencyKey.ReplayedHeader;
    private const int MaxKeyLength = 200;

    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder endpoint) =>
        endpoint
            .WithMetadata(new IdempotentEndpoint())
            .AddEndpointFilter(static async (context, next) => await HandleAsync(context, next))
            .Refuses(400, "invalid-idempotency-key")
            .Refuses(409, "idempotent-request-in-progress")
            .Refuses(422, "idempotency-key-reused");

    /// <summary>Adds the table of kept answers to a service's model; call from <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddIdempotencyTable(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotentRequest>(e =>
        {
            e.ToTable("idempotent_requests");
            e.HasKey(r => new { r.Caller, r.Key });
            e.Property(r => r.Caller).HasColumnName("caller").HasMaxLength(200);
            e.Property(r => r.Key).HasColumnName("key").HasMaxLength(MaxKeyLength);
            e.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
            e.Property(r => r.StatusCode).HasColumnName("status_code");
            e.Property(r => r.ContentType).HasColumnName("content_type").HasMaxLength(200);
            e.Property(r => r.Location).HasColumnName("location").HasMaxLength(2000);
            e.Property(r => r.Body).HasColumnName("body");
            e.Property(r => r.CreatedAt).HasColumnName("created_at");
            e.Property(r => r.ExpiresAt).HasColumnName("expires_at");
            e.HasIndex(r => r.ExpiresAt).HasDatabaseName("ix_idempotent_requests_expires_at");
        });
        return modelBuilder;
    }

    /// <summary>The service's database, where a request's changes and the record of its answer are written together.</summary>
    public static IServiceCollection AddIdempotentRequests<TDbContext>(this IServiceCollection services)
        where TDbContext : DbContext =>
        services.AddScoped(sp => new IdempotencyDatabase(sp.GetRequiredService<TDbContext>())).AddHostedService<ExpiredAnswersSweeper<TDbContext>>();

    private static async ValueTask<object?> HandleAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(context);
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e) || values.Count > 1)
        {
            return Problems.From(
                DomainError.Invalid(
                    Header,
                    "invalid-idempotency-key",
                    $"{Header} is one value of 1–{MaxKeyLength} visible ASCII characters (a UUID is a good one)."
                )
            );
        }

        var services = http.RequestServices;
        var db = services.GetRequiredService<IdempotencyDatabase>().Db;
        var clock = services.GetRequiredService<TimeProvider>();
        var keepFor = services.GetRequiredService<IConfiguration>().GetValue("Platform:Api:Idempotency:KeepFor", TimeSpan.FromDays(1));
        var caller = Caller.From(http.User).Subject is { Length: > 0 } subject ? subject : "anonymous";
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var hash = await HashAsync(http.Request, protector);
        var ct = http.RequestAborted;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One request per caller and key at a time: a second one while the first runs is told so, not queued.
        var lockId = BitConverter.ToInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{caller}\n{key}")), 0);
        if (!await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({lockId}) AS \"Value\"").SingleAsync(ct))
        {
            return Problems.From(
                DomainError.Conflict("idempotent-request-in-progress", $"A request with {Header} {key} is still being handled; ask again when it has answered.")
            );
        }

        var now = clock.GetUtcNow();
        var kept = await db.Set<IdempotentRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Caller == caller && r.Key == key, ct);
        if (kept is not null && kept.ExpiresAt > now)
        {
            if (kept.RequestHash != hash)
            {
                return Problems.From(
                    new DomainError(
                        "idempotency-key-reused",
                        $"{Header} {key} was used for another request; use a new key for a new request.",
                        ErrorKind.Unprocessable
                    )
                );
            }

            http.Response.Headers[ReplayedHeader] = "true";
            return new Replay(kept, protector.Reveal(kept.Body));
        }

        if (kept is not null)
        {
            await db.Set<IdempotentRequest>().Where(r => r.Caller == caller && r.Key == key).ExecuteDeleteAsync(ct);
        }

        var result = await next(context);
        if (result is not IResult answer)
        {
            await transaction.CommitAsync(ct);
            return result;
        }

        // The answer is written to a buffer first, kept with the request's changes in the same transaction, then sent.
        var original = http.Response.Body;
        await using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await answer.ExecuteAsync(http);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode is < 200 or >= 300)
        {
            // A refusal leaves nothing behind, even what a handler wrote before it refused.
            await transaction.RollbackAsync(ct);
        }
        else
        {
            db.Set<IdempotentRequest>()
                .Add(
                    new IdempotentRequest
                    {
                        Caller = caller,
                        Key = key,
                        RequestHash = hash,
                        StatusCode = http.Response.StatusCode,
                        ContentType = http.Response.ContentType,
                        Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                        Body = protector.Protect(buffer.ToArray()),
                        CreatedAt = now,
                        ExpiresAt = now + keepFor,
                    }
                );
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, ct);
        return new Sent();
    }

    private static async Task<string> HashAsync(HttpRequest request, PersonalDataProtector protector)
    {
        using var sha = protector.StartKeyedHash();
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        if (request.Body.CanSeek)
        {
            request.Body.Position = 0;
            var chunk = new byte[81920];
            int read;
            while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
            {
                sha.AppendData(chunk, 0, read);
            }

            request.Body.Position = 0;
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>The kept answer, sent again as it was.</summary>
    private sealed class Replay(IdempotentRequest kept, byte[] body) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = kept.StatusCode;
            if (kept.ContentType is { } type)
            {
                httpContext.Response.ContentType = type;
            }

            if (kept.Location is { } location)
            {
                httpContext.Response.Headers.Location = location;
            }

            await httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted);
        }
    }

    /// <summary>The answer was written while its record was kept: nothing more to send.</summary>
    private sealed class Sent : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => Task.CompletedTask;
    }
}

/// <summary>The service's own database, for <see cref="Idempotency"/>.</summary>
public sealed class IdempotencyDatabase(DbContext db)
{
    public DbContext Db { get; } = db;
}

/// <summary>Joining a transaction an outer step (an idempotent request) began, or beginning one.</summary>
public static class Transactions
{
    /// <summary>A new transaction, or null when one is already open on this context (the outer one commits).</summary>
    public static async Task<IDbContextTransaction?> BeginUnlessOpenAsync(this DbContext db, CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;

    /// <summary>Commits a transaction <see cref="BeginUnlessOpenAsync"/> began; one the outer step began is its to commit.</summary>
    public static Task CommitIfOwnAsync(this IDbContextTransaction? transaction, CancellationToken ct) => transaction?.CommitAsync(ct) ?? Task.CompletedTask;
}

/// <summary>
/// Deletes kept answers past their time, in batches, every <c>Platform:Api:Idempotency:SweepEvery</c> (default an
/// hour). Replicas may sweep at once: a deleted row is simply not deleted twice.
/// </summary>
public sealed class ExpiredAnswersSweeper<TDbContext>(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<ExpiredAnswersSweeper<TDbContext>> logger
) : BackgroundService
    where TDbContext : DbContext
{
    private const int Batch = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue("Platform:Api:Idempotency:SweepEvery", TimeSpan.FromHours(1)), clock);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Sweeping expired idempotent answers failed; trying again at the next turn");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var now = clock.GetUtcNow();
        var total = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlAsync(
                $"DELETE FROM idempotent_requests WHERE ctid IN (SELECT ctid FROM idempotent_requests WHERE expires_at <= {now} LIMIT {Batch})",
                ct
            );
            total += deleted;
        } while (deleted == Batch);

        if (total > 0)
        {
            logger.LogInformation("Deleted {Count} idempotent answers past their time", total);
        }

        return total;
    }
}
