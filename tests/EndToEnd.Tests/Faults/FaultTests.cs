using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>
/// The promise of a government system under faults: what a resident's phone was told was filed survives a crash of
/// the service, of the broker, or of the database, and a retry never files it twice; every event still leaves.
/// </summary>
[Collection(FaultSuiteCollection.Name)]
public class FaultTests(FaultSuiteFixture suite)
{
    private const int Reports = 1200;
    private const string CaseReported = "Platform.Contracts.Workflow.CaseReported";

    [Fact]
    public async Task The_Workflow_service_killed_in_a_burst_of_reports_loses_none_acknowledged_and_files_none_twice()
    {
        var clock = Stopwatch.StartNew();
        var (burst, sending) = await ReportsUnderWayAsync("kill9");
        var before = burst.Acknowledged;
        using (var workflow = Process.GetProcessById(suite.ProcessOf("Platform.Workflow")))
        {
            workflow.Kill(); // SIGKILL: no shutdown, no flushing, whatever was in flight is cut
            await workflow.WaitForExitAsync();
        }

        await suite.WaitUntilStoppedAsync(ResourceNames.Workflow);
        var restart = Stopwatch.StartNew();
        await suite.StartAsync(ResourceNames.Workflow);
        restart.Stop();
        await sending;

        var filed = await EachAcknowledgedFiledOnceAsync(burst);
        await Eventually.TrueAsync(async () => (await EventsAsync(filed.Keys)).Sent == Reports, "the outbox drained", TimeSpan.FromMinutes(3));
        var events = await EventsAsync(filed.Keys);
        suite.Report.Add(
            "kill -9 of the Workflow service in a burst of case reports",
            $"{Reports} reports from one resident through the gateway, 8 at a time, each with its own Idempotency-Key and "
                + $"retried after anything but an answer; {burst.Attempts} attempts in {clock.Elapsed.TotalSeconds:0} s",
            $"fault: Workflow killed (SIGKILL) after {before} acknowledgements; restarted by the orchestrator, healthy "
                + $"again in {restart.Elapsed.TotalSeconds:0.0} s",
            $"failed attempts, retried: {Describe(burst.Failures)}",
            $"acknowledged {burst.Acknowledged}; in the register {filed.Count}; lost 0; filed twice 0",
            $"CaseReported: {events.Rows} outbox rows for {filed.Count} cases, {events.Sent} sent; duplicated {events.Rows - filed.Count}"
        );
        Assert.Equal(Reports, events.Rows);
    }

    [Fact]
    public async Task The_broker_killed_in_a_burst_loses_no_event_and_the_outboxes_drain()
    {
        var amqp = await suite.BrokerAsync() ?? throw new InvalidOperationException("No broker connection string.");
        var queue = $"fault-case-reported-{Guid.NewGuid():N}"[..28];
        await DeclareListenerAsync(amqp, queue);

        var (burst, sending) = await ReportsUnderWayAsync("broker");
        var before = burst.Acknowledged;
        var beam = int.Parse(
            File.ReadAllText(Path.Combine(suite.DataDir, "rabbitmq", "rabbitmq.pid")).Trim(),
            System.Globalization.CultureInfo.InvariantCulture
        );
        using (var broker = Process.GetProcessById(beam))
        {
            broker.Kill();
            await broker.WaitForExitAsync();
        }

        await suite.WaitUntilStoppedAsync(ResourceNames.RabbitMq);
        var down = Stopwatch.StartNew();
        // Reports keep coming while the broker is away: intake needs only the database; the events wait in the outbox.
        await Task.Delay(TimeSpan.FromSeconds(10));
        await suite.StartAsync(ResourceNames.RabbitMq);
        down.Stop();
        await sending;

        var filed = await EachAcknowledgedFiledOnceAsync(burst);

        // Every case's CaseReported reaches a subscriber's queue once the broker is back, and the outbox empties.
        var heard = new Dictionary<Guid, int>();
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var caseId in await DrainCaseIdsAsync(amqp, queue))
                {
                    heard[caseId] = heard.GetValueOrDefault(caseId) + 1;
                }

                return filed.Keys.All(heard.ContainsKey) && (await EventsAsync(filed.Keys)).Sent == Reports;
            },
            "every CaseReported delivered and the outbox drained",
            TimeSpan.FromMinutes(5)
        );
        var events = await EventsAsync(filed.Keys);
        suite.Report.Add(
            "the broker killed (kill -9) in a burst of case reports",
            $"{Reports} reports, 8 at a time with Idempotency-Keys; {burst.Attempts} attempts",
            $"fault: RabbitMQ killed (SIGKILL) after {before} acknowledgements, started again after {down.Elapsed.TotalSeconds:0} s; intake went on meanwhile",
            $"failed attempts, retried: {Describe(burst.Failures)}",
            $"acknowledged {burst.Acknowledged}; in the register {filed.Count}; lost 0; filed twice 0",
            $"CaseReported: {events.Rows} outbox rows, {events.Sent} sent; {heard.Count} distinct cases heard on a "
                + $"subscriber's queue, {heard.Values.Sum() - heard.Count} deliveries repeated (at-least-once, absorbed by the "
                + "inboxes)"
        );
        Assert.Equal(Reports, events.Rows);
    }

    [Fact]
    public async Task Postgres_restarted_under_load_the_services_recover_without_a_restart_of_their_own()
    {
        string[] services = ["Platform.Organization", "Platform.Grid", "Platform.Volunteer", "Platform.Workflow", "Platform.Gateway"];
        var processes = services.ToDictionary(s => s, suite.ProcessOf);
        var (burst, sending) = await ReportsUnderWayAsync("pgrestart");
        var before = burst.Acknowledged;
        var postmaster = int.Parse(
            File.ReadLines(Path.Combine(suite.DataDir, "postgres", "postmaster.pid")).First(),
            System.Globalization.CultureInfo.InvariantCulture
        );
        // A fast shutdown (SIGINT): connections cut, transactions in flight rolled back, then started again.
        using (var signal = Process.Start("kill", ["-INT", postmaster.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        await suite.WaitUntilStoppedAsync(ResourceNames.Postgres);
        var down = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(5));
        await suite.StartAsync(ResourceNames.Postgres);
        down.Stop();
        await sending;

        var filed = await EachAcknowledgedFiledOnceAsync(burst);
        await Eventually.TrueAsync(async () => (await EventsAsync(filed.Keys)).Sent == Reports, "the outbox drained", TimeSpan.FromMinutes(3));
        // Nobody restarted a service: the same processes answer.
        Assert.Equal(processes, services.ToDictionary(s => s, suite.ProcessOf));
        var events = await EventsAsync(filed.Keys);
        suite.Report.Add(
            "Postgres restarted in a burst of case reports",
            $"{Reports} reports, 8 at a time with Idempotency-Keys; {burst.Attempts} attempts",
            $"fault: Postgres shut down (fast) after {before} acknowledgements and started again after {down.Elapsed.TotalSeconds:0} s",
            $"failed attempts, retried: {Describe(burst.Failures)}",
            $"acknowledged {burst.Acknowledged}; in the register {filed.Count}; lost 0; filed twice 0",
            $"CaseReported: {events.Rows} outbox rows, {events.Sent} sent; the five services' processes the same before and after (no restart)"
        );
        Assert.Equal(Reports, events.Rows);
    }

    [Fact]
    public async Task The_Organization_service_killed_while_index_inputs_arrive_records_each_input_once()
    {
        const int visits = 600;
        var staff = await suite.SignInAsync("grid.sun");
        var marker = $"visit-{Guid.NewGuid():N}"[..14];
        var burst = new Burst(staff, marker, "/api/grid/visits", (i, m) => new
            {
                gridId = DemoGrid,
                household = $"{i % 9 + 1}单元{i % 30 + 101}",
                visitedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
                findings = $"{m}-{i:00000} 入户走访，了解诉求",
            });
        var sending = burst.SendAsync(visits, concurrency: 8, giveUpAfter: TimeSpan.FromMinutes(8));
        await Eventually.TrueAsync(
            async () => await InputsAsync(burst.Cases.Values) >= visits / 4 || sending.IsCompleted,
            "a quarter of the visits counted",
            TimeSpan.FromMinutes(3)
        );

        var counted = await InputsAsync(burst.Cases.Values);
        using (var organization = Process.GetProcessById(suite.ProcessOf("Platform.Organization")))
        {
            organization.Kill();
            await organization.WaitForExitAsync();
        }

        await suite.WaitUntilStoppedAsync(ResourceNames.Organization);
        await suite.StartAsync(ResourceNames.Organization);
        await sending;

        Assert.Empty(burst.Refusals);
        Assert.Equal(visits, burst.Acknowledged);
        var ids = burst.Cases.Values.ToList();
        await Eventually.TrueAsync(async () => await InputsAsync(ids) == visits, "an index input for every visit", TimeSpan.FromMinutes(3));
        var duplicated = await CountAsync(
            ResourceNames.OrganizationDb,
            "SELECT count(*) FROM (SELECT source_key FROM index_inputs WHERE kind = 'VisitLogged' AND source_key = ANY($1) "
                + "GROUP BY source_key HAVING count(*) > 1) d",
            [.. ids.Select(i => i.ToString())]
        );
        suite.Report.Add(
            "kill -9 of the Organization service while index inputs arrive",
            $"{visits} visits logged by grid staff through the gateway, 8 at a time with Idempotency-Keys; each a "
                + "VisitLogged event the Organization service turns into an index input",
            $"fault: Organization killed (SIGKILL) with {counted} of them counted; restarted by the orchestrator",
            $"failed attempts, retried: {Describe(burst.Failures)}",
            $"visits acknowledged {burst.Acknowledged}; index inputs {visits}; lost 0; recorded twice {duplicated}"
        );
        Assert.Equal(0, duplicated);
    }

    [Fact]
    public async Task The_Workflow_service_killed_while_cases_close_counts_each_closing_once_in_the_indices()
    {
        const int cases = 60;
        var admin = suite.Gateway;
        var resident = await suite.SignInAsync("resident.zhou");
        var gridStaff = await suite.SignInAsync("grid.sun");
        var community = await suite.SignInAsync("staff.wang");

        // Cases taken through the loop up to verification, 8 at a time, before the fault.
        var marker = $"close-{Guid.NewGuid():N}"[..14];
        var ids = new Guid[cases];
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(
                Enumerable
                    .Range(0, cases)
                    .Select(async i =>
                    {
                        await gate.WaitAsync();
                        try
                        {
                            var reported = await StepAsync(
                                resident,
                                "/api/workflow/cases",
                                new
                                {
                                    category = "garbage",
                                    description = $"{marker}-{i:000} 垃圾满溢",
                                    latitude = 37.3885,
                                    longitude = 97.342,
                                }
                            );
                            var id = ids[i] = reported.GetProperty("id").GetGuid();
                            var at = $"/api/workflow/cases/{id}";
                            await StepAsync(admin, $"{at}/register", new { });
                            await StepAsync(admin, $"{at}/dispatch", new { level = "Grid" });
                            await StepAsync(gridStaff, $"{at}/accept", new { });
                            await StepAsync(gridStaff, $"{at}/resolve", new { text = "已清运" });
                            await StepAsync(gridStaff, $"{at}/reply", new { text = "已清运，感谢反映" });
                            await StepAsync(resident, $"{at}/rating", new { rating = "Satisfied" });
                            await StepAsync(community, $"{at}/verification", new { passed = true });
                        }
                        finally
                        {
                            gate.Release();
                        }
                    })
            );
        }

        // The closings, retried as a desk would after anything but an answer; a 409 after a lost answer means done.
        var closed = 0;
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var closing = Task.WhenAll(
            ids.Chunk(cases / 4)
                .Select(async chunk =>
                {
                    foreach (var id in chunk)
                    {
                        for (var attempt = 1; ; attempt++)
                        {
                            try
                            {
                                using var response = await community.PostAsJsonAsync($"/api/workflow/cases/{id}/close", new { });
                                if (
                                    response.IsSuccessStatusCode
                                    || (attempt > 1 && response.StatusCode == System.Net.HttpStatusCode.Conflict && await StateAsync(id) == "Closed")
                                )
                                {
                                    Interlocked.Increment(ref closed);
                                    break;
                                }

                                failures.AddOrUpdate(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), 1, (_, n) =>
                                    n + 1
                                );
                                Assert.True(
                                    (int)response.StatusCode >= 500,
                                    $"closing {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}"
                                );
                            }
                            catch (HttpRequestException ex)
                            {
                                failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
                            }

                            await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 200 * attempt)));
                        }
                    }
                })
        );
        await Eventually.TrueAsync(
            () => Task.FromResult(Volatile.Read(ref closed) >= cases / 4 || closing.IsCompleted),
            "a quarter of the cases closed",
            TimeSpan.FromMinutes(2)
        );
        var before = Volatile.Read(ref closed);
        using (var workflow = Process.GetProcessById(suite.ProcessOf("Platform.Workflow")))
        {
            workflow.Kill();
            await workflow.WaitForExitAsync();
        }

        await suite.WaitUntilStoppedAsync(ResourceNames.Workflow);
        await suite.StartAsync(ResourceNames.Workflow);
        await closing.WaitAsync(TimeSpan.FromMinutes(5));

        Assert.Equal(cases, closed);
        var sources = ids.Select(i => i.ToString()).ToArray();
        await Eventually.TrueAsync(
            async () =>
                await CountAsync(ResourceNames.OrganizationDb, "SELECT count(*) FROM index_inputs WHERE kind = 'CaseClosed' AND source_key = ANY($1)", sources)
                == cases,
            "every closing counted in the indices",
            TimeSpan.FromMinutes(3)
        );
        var events = await CountAsync(
            ResourceNames.WorkflowDb,
            "SELECT count(*) FROM outbox_messages WHERE message_type = 'Platform.Contracts.Workflow.CaseClosed' AND (payload->>'caseId') = ANY($1)",
            sources
        );
        var satisfied = await CountAsync(
            ResourceNames.OrganizationDb,
            "SELECT count(*) FROM index_inputs WHERE kind = 'CaseRatedSatisfied' AND source_key = ANY($1)",
            sources
        );
        suite.Report.Add(
            "kill -9 of the Workflow service while cases are closed",
            $"{cases} cases taken through the loop (report, register, dispatch, accept, resolve, reply, rating, "
                + "verification), then closed 4 at a time, each retried after anything but an answer",
            $"fault: Workflow killed (SIGKILL) after {before} closings; restarted by the orchestrator",
            $"failed attempts, retried: {Describe(failures)}",
            $"closed {closed}; CaseClosed events {events} (one per case); CaseClosed index inputs {cases}, "
                + $"CaseRatedSatisfied {satisfied}; lost 0, counted twice 0"
        );
        Assert.Equal(cases, events);
        Assert.Equal(cases, satisfied);
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string?> StateAsync(Guid id)
    {
        await using var db = suite.Database(ResourceNames.WorkflowDb);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT state FROM cases WHERE id = $1", db) { Parameters = { new() { Value = id } } };
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private async Task<long> CountAsync(string database, string sql, string[] sources)
    {
        await using var db = suite.Database(database);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db) { Parameters = { new() { Value = sources } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static readonly Guid DemoGrid = Guid.Parse("0195a001-0000-7000-8000-000000000001");

    /// <summary>How many of these visits the Organization ledger holds as index inputs.</summary>
    private Task<long> InputsAsync(IEnumerable<Guid> visits) =>
        CountAsync(
            ResourceNames.OrganizationDb,
            "SELECT count(*) FROM index_inputs WHERE kind = 'VisitLogged' AND source_key = ANY($1)",
            [.. visits.Select(v => v.ToString())]
        );

    /// <summary>A burst of reports by a resident, a quarter of them acknowledged: the moment to strike.</summary>
    private async Task<(Burst Burst, Task Sending)> ReportsUnderWayAsync(string fault)
    {
        var burst = Burst.OfReports(await suite.SignInAsync("resident.zhou"), $"{fault}-{Guid.NewGuid():N}"[..20]);
        var sending = burst.SendAsync(Reports, concurrency: 8, giveUpAfter: TimeSpan.FromMinutes(8));
        await Eventually.TrueAsync(
            () => Task.FromResult(burst.Acknowledged >= Reports / 4 || sending.IsCompleted),
            "a quarter of the reports acknowledged",
            TimeSpan.FromMinutes(3)
        );
        return (burst, sending);
    }

    /// <summary>Every report acknowledged, each in the register exactly once, as the ids the API answered with.</summary>
    private async Task<Dictionary<Guid, string>> EachAcknowledgedFiledOnceAsync(Burst burst)
    {
        Assert.Empty(burst.Refusals);
        Assert.Equal(Reports, burst.Acknowledged);
        var filed = await FiledAsync(burst.Marker);
        Assert.Equal(Reports, filed.Count);
        Assert.Equal(Reports, filed.Values.Distinct().Count());
        Assert.Equal(burst.Cases.Values.Order(), filed.Keys.Order());
        return filed;
    }

    private static string Describe(IReadOnlyDictionary<string, int> failures) =>
        failures.Count == 0 ? "none" : string.Join(", ", failures.OrderBy(f => f.Key).Select(f => $"{f.Key}: {f.Value}"));

    /// <summary>The cases in the register whose description carries the marker: id → description.</summary>
    private async Task<Dictionary<Guid, string>> FiledAsync(string marker)
    {
        await using var db = suite.Database(ResourceNames.WorkflowDb);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, description FROM cases WHERE description LIKE $1", db)
        {
            Parameters = { new() { Value = marker + "-%" } },
        };
        await using var reader = await command.ExecuteReaderAsync();
        var filed = new Dictionary<Guid, string>();
        while (await reader.ReadAsync())
        {
            filed.Add(reader.GetGuid(0), reader.GetString(1));
        }

        return filed;
    }

    /// <summary>The CaseReported rows the Workflow outbox holds for these cases, and how many of them were sent.</summary>
    private async Task<(long Rows, long Sent)> EventsAsync(IEnumerable<Guid> cases)
    {
        await using var db = suite.Database(ResourceNames.WorkflowDb);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), count(sent_at) FROM outbox_messages WHERE message_type = $1 AND (payload->>'caseId')::uuid = ANY($2)",
            db
        )
        {
            Parameters =
            {
                new() { Value = CaseReported },
                new() { Value = cases.ToArray() },
            },
        };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>A durable queue bound to CaseReported, standing in for a subscriber: it survives the broker's restart.</summary>
    private static async Task DeclareListenerAsync(string amqp, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var exchange = "Platform.Contracts.Workflow:CaseReported";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, "");
    }

    private static async Task<List<Guid>> DrainCaseIdsAsync(string amqp, string queue)
    {
        var ids = new List<Guid>();
        try
        {
            await using var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
            {
                ids.Add(JsonDocument.Parse(delivery.Body).RootElement.GetProperty("message").GetProperty("caseId").GetGuid());
            }
        }
        catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException)
        {
            // Not back yet: look again.
        }

        return ids;
    }
}
