using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Cache;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults;

public static class ServiceInfrastructure
{
    /// <summary>
    /// What a domain service stands on: its own Postgres database (migrations, outbox relay), the broker
    /// (its consumers), and Redis. Every service calls this once from its <c>AddXxx</c>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceInfrastructure<TDbContext>(
        this IHostApplicationBuilder builder,
        string serviceName,
        string databaseName,
        Action<IBusRegistrationConfigurator>? consumers = null,
        Action<NpgsqlDbContextOptionsBuilder>? npgsql = null,
        Action<DbContextOptionsBuilder>? database = null)
        where TDbContext : DbContext
    {
        builder.AddServiceDatabase<TDbContext>(databaseName, npgsql, database);
        builder.Services.AddIdempotentRequests<TDbContext>();
        builder.AddServiceMessaging(serviceName, consumers);
        builder.AddPlatformRedis();
        return builder;
    }
}
