using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Cache;
using Platform.BuildingBlocks.Data;
using Platform.BuildingBlocks.Messaging;
using Platform.BuildingBlocks.Problems;

namespace Platform.BuildingBlocks;

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
        Action<DbContextOptionsBuilder>? database = null
    )
        where TDbContext : DbContext
    {
        builder.AddPlatformApi();
        builder.Services.AddSingleton<IServerFailures, DatabaseAndBrokerFailures>();
        builder.AddServiceDatabase<TDbContext>(databaseName, npgsql, database);
        builder.Services.AddIdempotentRequests<TDbContext>();
        builder.AddServiceMessaging(serviceName, consumers);
        builder.AddPlatformRedis();
        return builder;
    }
}
