using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// One service in-process on the real servers: its own fresh database (migrated by the service at start), the
/// shared broker and Redis. Share one per test collection; call <see cref="ResetDatabaseAsync"/> between tests.
/// </summary>
public abstract class ServiceFactory<TProgram>(string connectionName) : WebApplicationFactory<TProgram>, IAsyncLifetime
    where TProgram : class
{
    private TestServers? servers;
    private ServiceLogFile? log;

    public TestServers Servers => servers ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public string DatabaseName { get; } = $"{connectionName}_{Guid.NewGuid().ToString("N")[..12]}";

    public string ConnectionString => Servers.Database(DatabaseName);

    /// <summary>The warnings and errors this host logged (also written to the project's services log).</summary>
    public ServiceLogFile Log => log ??= new ServiceLogFile(DatabaseName);

    public async Task InitializeAsync()
    {
        servers = await TestServers.GetAsync();
        // Starts the host now: migrations and bus start are part of the fixture, not of the first test.
        _ = Server;
    }

    /// <summary>
    /// Empties every table of the service, so no test sees another's data; kept are the migration history and
    /// what the running service holds in memory as configuration (its key ring, its registered clients).
    /// </summary>
    public async Task ResetDatabaseAsync()
    {
        // The service's background workers (outbox relay, timers) hold row locks while the reset takes table
        // locks: a deadlock between them is the database's answer to a race, not a failure; take it again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TruncateAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.LockNotAvailable && attempt < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
            }
        }
    }

    private async Task TruncateAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        var kept = string.Join(", ", KeptTables.Select(t => $"'{t}'"));
        await using var command = new NpgsqlCommand(
            $"""
            DO $$
            DECLARE tables text;
            BEGIN
              SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
              FROM pg_tables
              WHERE schemaname = 'public'
                AND tablename NOT IN ({kept});
              IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables || ' CASCADE'; END IF;
            END $$;
            """,
            connection
        );
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Tables a reset keeps: the migration history, PostGIS's reference table, the key ring and registered
    /// clients the running service holds, and reference data a service's migrations put in (add to it).
    /// </summary>
    protected virtual IEnumerable<string> KeptTables => ["__EFMigrationsHistory", "spatial_ref_sys", "data_protection_keys", "openiddict_applications"];

    /// <summary>A client calling as <paramref name="caller"/>; without a token when null.</summary>
    public HttpClient ClientAs(TestCaller? caller) => CreateClient().As(caller);

    /// <summary>Runs a statement against the service's database (test clean-up of kept reference data).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query against the service's database, for assertions on what was stored.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull
            ? default
            : (T)Convert.ChangeType(result, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Log));
        builder.UseSetting($"ConnectionStrings:{connectionName}", ConnectionString);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Redis}", Servers.Redis);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.RabbitMq}", Servers.RabbitMq);
        builder.UseSetting("Platform:SeedDemoData", "false");
        // A refusal an endpoint does not declare (.Refuses) is a 500 here, so the test that provokes it fails.
        builder.UseSetting("Platform:Api:ProblemCodes:Check", "true");
        builder.UseSetting("Platform:Auth:Issuer", TestTokens.Issuer);
        builder.UseSetting("Platform:Auth:ValidationKey", TestTokens.ValidationKeyPem);
        builder.UseSetting("Platform:Auth:SigningKey", TestTokens.SigningKeyPem);
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        if (BesideTheMainHost)
        {
            // A second host of the service beside the main one: queues of its own, so neither takes the other's events.
            builder.UseSetting("Platform:Messaging:QueuePrefix", $"{connectionName}-{DatabaseName[^12..]}");
        }
    }

    /// <summary>
    /// Whether this host runs beside the service's main test host (a fake clock, a proxy before its database...): it
    /// then consumes from queues of its own, or the two would compete for each other's events.
    /// </summary>
    protected virtual bool BesideTheMainHost => Clock is not null;

    /// <summary>The service's clock when a factory fixes one (<see cref="SubdistrictClock"/>); the real one otherwise.</summary>
    protected virtual TimeProvider? Clock => null;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(Servers.PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{DatabaseName}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
