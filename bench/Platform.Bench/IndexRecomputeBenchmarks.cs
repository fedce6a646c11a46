extern alias organization;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using organization::Platform.Organization.Data;
using organization::Platform.Organization.Indices;
using Platform.Testing;

namespace Platform.Bench;

/// <summary>
/// Recomputing a year of the three indices from the stored inputs, at the scale: 100,000 members,
/// 5,000 party organizations, 30 communities, 2,000,000 inputs spread over 2026 (the real ledger table,
/// indexes and all, on the real Postgres). Measured: the year's own period for every subject, and the year with
/// its twelve months and four quarters (seventeen periods); both write their scores back. Each run is one
/// operation of several seconds, so a handful of runs.
/// </summary>
[Config(typeof(Config))]
public class IndexRecomputeBenchmarks
{
    private const int Members = 100_000,
        Organizations = 5_000,
        Communities = 30,
        Inputs = 2_000_000;

    private string connectionString = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var servers = await TestServers.GetAsync();
        var database = $"indexbench_{Guid.NewGuid():N}"[..22];
        await using (var admin = new NpgsqlConnection(servers.Database("postgres")))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        connectionString = servers.Database(database);
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync();
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await Execute(
            connection,
            string.Create(
                CultureInfo.InvariantCulture,
                $"""
                INSERT INTO party_organizations (id, name, kind, community_id, status, created_at, updated_at, version)
                SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'org ' || i,
                       (ARRAY['CommunityBranch', 'CompoundBranch', 'BuildingGroup', 'MemberUnitOrganization', 'NewEconomicSocialOrganization'])[1 + i % 5],
                       ('00000000-0000-4000-9000-' || lpad(to_hex(i % {Communities}), 12, '0'))::uuid, 'Active', now(), now(), 1
                FROM generate_series(0, {Organizations - 1}) AS i
                """
            )
        );

        // The inputs: kinds in the proportions a year brings (hours and cases most), each member in one
        // organization and community, at random times in 2026 (local), scored already (the refresher's work is done).
        string[] inputKinds =
        [
            "ServiceHoursApproved",
            "ServiceHoursApproved",
            "ServiceHoursApproved",
            "CaseClosed",
            "CaseClosedOnTime",
            "CaseRated",
            "CaseRatedSatisfied",
            "CaseReplied",
            "CaseRepliedOnTime",
            "VisitLogged",
            "VisitLogged",
            "ActivityAttended",
            "ActivityAttended",
            "WishFulfilled",
            "VolunteerActivityAttended",
            "PartyActivityHeld",
            "ProjectClaimed",
            "Commendation",
            "Penalty",
            "OverduePenalty",
            "CaseOverdue",
            "LeadershipReview",
            "GuaranteeReview",
        ];
        var random = new Random(2026);
        var yearStart = new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero);
        await using (
            var copy = await connection.BeginBinaryImportAsync(
                "COPY index_inputs (id, kind, source_key, person_id, organization_id, community_id, quantity, at, event_id, "
                    + "event_occurred_at, withdrawn, scored) FROM STDIN (FORMAT BINARY)"
            )
        )
        {
            for (var i = 0; i < Inputs; i++)
            {
                var member = random.Next(Members);
                var organization = member % Organizations;
                var kind = inputKinds[random.Next(inputKinds.Length)];
                var at = yearStart.AddSeconds(random.NextDouble() * 365 * 24 * 3600);
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(kind, NpgsqlDbType.Varchar);
                await copy.WriteAsync(i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar);
                await copy.WriteAsync(Id(1, member), NpgsqlDbType.Uuid);
                await copy.WriteAsync(Id(0x8000, organization), NpgsqlDbType.Uuid);
                await copy.WriteAsync(Id(0x9000, organization % Communities), NpgsqlDbType.Uuid);
                await copy.WriteAsync(kind == "ServiceHoursApproved" ? random.Next(1, 9) : 1m, NpgsqlDbType.Numeric);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync();
        }

        await Execute(connection, "VACUUM ANALYZE index_inputs; ANALYZE party_organizations;");
    }

    [Benchmark(Baseline = true, Description = "recompute 2026: the year's period, three indices")]
    public Task<RecomputeResult> Year() => RecomputeAsync(withParts: false);

    [Benchmark(Description = "recompute 2026 with its 12 months and 4 quarters (17 periods), three indices")]
    public Task<RecomputeResult> YearWithParts() => RecomputeAsync(withParts: true);

    private async Task<RecomputeResult> RecomputeAsync(bool withParts)
    {
        await using var db = NewContext();
        var result = await new IndexRecompute(db, TimeProvider.System).RunAsync(
            Enum.GetValues<IndexKind>(),
            IndexPeriod.Parse("2026").Value,
            withParts,
            CancellationToken.None
        );
        if (result.Inputs != Inputs)
        {
            throw new InvalidOperationException($"The recompute read {result.Inputs} inputs, not {Inputs}.");
        }

        return result;
    }

    private OrganizationDbContext NewContext() =>
        new(new DbContextOptionsBuilder<OrganizationDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().UseOpenIddict().Options);

    private static Guid Id(int prefix, int i) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"00000000-0000-4000-{prefix:x4}-{i:x12}"));

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One warm-up and three measured runs of one operation each (every run takes seconds), in process, with allocations.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(
                Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
                    .WithWarmupCount(1)
                    .WithIterationCount(3)
                    .WithInvocationCount(1)
                    .WithUnrollFactor(1)
                    .WithId("in-process")
            );
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, BaselineRatioColumn.RatioMean);
            AddExporter(MarkdownExporter.GitHub);
            WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend));
            WithOptions(ConfigOptions.DisableLogFile);
        }
    }
}
