using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Data;

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
        Action<DbContextOptionsBuilder>? configure = null)
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
                options.UseNpgsql(o =>
                {
                    o.ExecutionStrategy(d => new RetryOutsideTransactions(d));
                    npgsql?.Invoke(o);
                }).UseSnakeCaseNamingConvention().AddInterceptors(Outbox);
                configure?.Invoke(options);
            });
        builder.Services.AddOutboxRelay<TDbContext>();
        builder.Services.AddScoped(sp => new OperationsLog(sp.GetRequiredService<TDbContext>()));
        return builder;
    }

    /// <summary>
    /// A database that cannot be reached is said within seconds (a 503 to the client, a back-off in the workers),
    /// not after Npgsql's default 15-second connect timeout holding a thread; a setting in the connection string wins.
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

        return builder.ConnectionString;
    }

    /// <summary>Options for design-time tools (<c>dotnet ef</c>): the same conventions, no server needed.</summary>
    public static DbContextOptions<TDbContext> DesignTimeOptions<TDbContext>(
        Action<DbContextOptionsBuilder>? configure = null, Action<Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.NpgsqlDbContextOptionsBuilder>? npgsql = null)
        where TDbContext : DbContext
    {
        var options = new DbContextOptionsBuilder<TDbContext>().UseNpgsql("Host=design-time", npgsql).UseSnakeCaseNamingConvention();
        configure?.Invoke(options);
        return options.Options;
    }

    /// <summary>
    /// Applies pending migrations (creating the database if needed) before the service takes traffic, then runs
    /// the optional demo seeding. Call before <c>app.Run()</c>.
    /// </summary>
    public static Task MigrateDatabaseAsync<TDbContext>(this WebApplication app, Func<TDbContext, CancellationToken, Task>? seedDemoData = null)
        where TDbContext : DbContext =>
        app.MigrateDatabaseAsync<TDbContext>(seedDemoData is null ? null : (db, _, ct) => seedDemoData(db, ct));

    /// <summary>As above, for demo seeding that needs services (a protector for personal data, say).</summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this WebApplication app, Func<TDbContext, IServiceProvider, CancellationToken, Task>? seedDemoData)
        where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Migrations");
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
