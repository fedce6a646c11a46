using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Platform.BuildingBlocks.Messaging;

namespace Platform.BuildingBlocks.Data;

public static class DatabaseExtensions
{
    private static readonly OutboxInterceptor Outbox = new();

    /// <summary>
    /// Registers the service's DbContext on its own Postgres database, with health check and tracing, plus the
    /// outbox relay that publishes the events the context writes.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<NpgsqlDbContextOptionsBuilder>? npgsql = null,
        Action<DbContextOptionsBuilder>? configure = null
    )
        where TDbContext : DbContext
    {
        builder.AddNpgsqlDbContext<TDbContext>(
            connectionName,
            // Aspire's retrying strategy refuses the service's own transactions; ours retries only outside them.
            settings =>
            {
                settings.DisableRetry = true;
                settings.ConnectionString = FailFast(settings.ConnectionString);
            },
            options =>
            {
                options
                    .UseNpgsql(o =>
                    {
                        o.ExecutionStrategy(d => new RetryOutsideTransactions(d));
                        npgsql?.Invoke(o);
                    })
                    .UseSnakeCaseNamingConvention()
                    .AddInterceptors(Outbox);
                if (!builder.Environment.IsProduction())
                {
                    // A First() with neither order nor filter picks an arbitrary row: in development and tests it fails
                    // at once, with the query, instead of a warning in a log nobody reads.
                    options.ConfigureWarnings(w => w.Throw(CoreEventId.FirstWithoutOrderByAndFilterWarning));
                }

                configure?.Invoke(options);
            }
        );
        builder.Services.AddOutboxRelay<TDbContext>();
        builder.Services.AddScoped(sp => new OperationsLog(sp.GetRequiredService<TDbContext>()));
        builder.AddReadDb<TDbContext>(connectionName, npgsql, configure);
        return builder;
    }

    /// <summary>
    /// <see cref="ReadDb{TDbContext}"/>: on <c>ConnectionStrings:&lt;name&gt;-read</c> when configured (same model and
    /// conventions, no outbox: nothing is written there), on the request's own context otherwise.
    /// </summary>
    private static void AddReadDb<TDbContext>(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<NpgsqlDbContextOptionsBuilder>? npgsql,
        Action<DbContextOptionsBuilder>? configure
    )
        where TDbContext : DbContext
    {
        var readConnection = builder.Configuration.GetConnectionString($"{connectionName}-read");
        if (string.IsNullOrWhiteSpace(readConnection))
        {
            builder.Services.AddScoped(sp => new ReadDb<TDbContext>(sp.GetRequiredService<TDbContext>(), onReplica: false));
            return;
        }

        var options = new DbContextOptionsBuilder<TDbContext>();
        options
            .UseNpgsql(FailFast(readConnection), o =>
            {
                o.ExecutionStrategy(d => new RetryOutsideTransactions(d));
                npgsql?.Invoke(o);
            })
            .UseSnakeCaseNamingConvention()
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        configure?.Invoke(options);
        var readOptions = options.Options;
        builder.Services.AddScoped(sp => new ReadDb<TDbContext>(ActivatorUtilities.CreateInstance<TDbContext>(sp, readOptions), onReplica: true));
        // Shown on /health, but degraded rather than unhealthy: a lost replica must not take the pods out of service.
        builder
            .Services.AddHealthChecks()
            .AddAsyncCheck($"{connectionName}-read", async ct =>
            {
                try
                {
                    await using var connection = new Npgsql.NpgsqlConnection(FailFast(readConnection));
                    await connection.OpenAsync(ct);
                    return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy();
                }
                catch (Npgsql.NpgsqlException ex)
                {
                    return Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Degraded("The read replica cannot be reached.", ex);
                }
            });
    }

    /// <summary>
    /// A database that cannot be reached is said within seconds (a 503 to the client, a back-off in the workers),
    /// not after Npgsql's default 15-second connect timeout holding a thread; and no JIT compilation: the services'
    /// queries are short, and once a table grows past the planner's cost threshold, compiling one took ten times
    /// longer than running it (measured on the duplicate search: 51 ms of JIT for 8 ms of work). A pooled connection
    /// is not reset (DISCARD ALL) each time it goes back to the pool: EF Core opens and closes it around every query,
    /// which cost five resets per case report and threw away the server's prepared statements each time; the services
    /// keep no session state on pooled connections (transaction-scoped locks only; a session setting takes a
    /// connection of its own). Statements the services run often are prepared on each connection (auto-prepare).
    /// A setting in the connection string wins.
    /// </summary>
    private static string? FailFast(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return connectionString;
        }

        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.Timeout = 5;
        }

        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }

        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
        {
            builder.NoResetOnClose = true;
        }

        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 3;
        }

        return builder.ConnectionString;
    }

    /// <summary>Options for design-time tools (<c>dotnet ef</c>): the same conventions, no server needed.</summary>
    public static DbContextOptions<TDbContext> DesignTimeOptions<TDbContext>(
        Action<DbContextOptionsBuilder>? configure = null,
        Action<Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder>? npgsql = null
    )
        where TDbContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TDbContext>().UseNpgsql("Host=design-time", npgsql).UseSnakeCaseNamingConvention();
        configure?.Invoke(options);
        return options.Options;
    }

    /// <summary>
    /// Runs the service after its database is ready, as <c>Platform:Database:Migrations</c> says:
    /// <list type="bullet">
    /// <item><c>OnStart</c> (default): applies pending migrations (creating the database if needed) and the optional
    /// demo seeding, then serves (one process: development, tests, a single machine);</item>
    /// <item><c>Only</c>: applies them and the seeding and exits (a deployment's migration Job, run once before a
    /// release's pods start);</item>
    /// <item><c>Skip</c>: serves without touching the schema, and refuses to start while a migration is pending (pods
    /// of a release whose Job has not run).</item>
    /// </list>
    /// </summary>
    public static async Task RunServiceAsync<TDbContext>(
        this WebApplication app,
        Func<TDbContext, IServiceProvider, CancellationToken, Task>? seedDemoData = null
    )
        where TDbContext : DbContext
    {
        var mode = app.Configuration["Platform:Database:Migrations"] ?? "OnStart";
        switch (mode.ToLowerInvariant())
        {
            case "onstart":
                await app.MigrateDatabaseAsync(seedDemoData);
                break;
            case "only":
                await app.MigrateDatabaseAsync(seedDemoData);
                return;
            case "skip":
                await app.RequireCurrentSchemaAsync<TDbContext>();
                break;
            default:
                throw new InvalidOperationException($"Platform:Database:Migrations is '{mode}'; use OnStart, Only or Skip.");
        }

        await app.RunAsync();
    }

    /// <summary>As above, for demo seeding that needs only the context.</summary>
    public static Task RunServiceAsync<TDbContext>(this WebApplication app, Func<TDbContext, CancellationToken, Task> seedDemoData)
        where TDbContext : DbContext => app.RunServiceAsync<TDbContext>((db, _, ct) => seedDemoData(db, ct));

    private static async Task RequireCurrentSchemaAsync<TDbContext>(this WebApplication app)
        where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database {db.Database.GetDbConnection().Database} lacks {pending.Count} migrations "
                    + $"({string.Join(", ", pending)}): run the release's migration job (Platform:Database:Migrations=Only) first."
            );
        }
    }

    /// <summary>
    /// A database made by migrations this build no longer has (they were squashed into one baseline before the first
    /// release): applying the baseline over it would fail half-way, so the service stops at once and says why.
    /// </summary>
    private static async Task RefuseSquashedHistoryAsync(DbContext db)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync()).ToList();
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        if (applied.Count > 0 && !applied.Any(known.Contains))
        {
            throw new InvalidOperationException(
                $"The database {db.Database.GetDbConnection().Database} was made by migrations this build does not have ({applied[0]} … {applied[^1]}): "
                    + "they were squashed into one baseline before the first release. Start from an empty data folder (delete .data/ or set PLATFORM_DATA_DIR)."
            );
        }
    }

    /// <summary>Applies pending migrations (creating the database if needed), then the optional demo seeding.</summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(
        this WebApplication app,
        Func<TDbContext, IServiceProvider, CancellationToken, Task>? seedDemoData
    )
        where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Migrations");
        await RefuseSquashedHistoryAsync(db);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations to {Database}: {Migrations}", pending.Count, db.Database.GetDbConnection().Database, pending);
        }

        await db.Database.MigrateAsync();

        if (seedDemoData is not null && app.Configuration.GetValue<bool>("Platform:SeedDemoData"))
        {
            await seedDemoData(db, scope.ServiceProvider, CancellationToken.None);
            logger.LogInformation("Demo data is in place");
        }
    }
}
