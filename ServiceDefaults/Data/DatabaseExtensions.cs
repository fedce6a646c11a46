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
            // Our own transactions (outbox relay, inbox) need a plain connection; MassTransit and the relay retry instead.
            settings => settings.DisableRetry = true,
            options =>
            {
                options.UseNpgsql(o => npgsql?.Invoke(o)).UseSnakeCaseNamingConvention();
                configure?.Invoke(options);
            });
        builder.Services.AddOutboxRelay<TDbContext>();
        return builder;
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
