using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Platform.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// <c>./platform backup</c> of the running suite and <c>./platform restore</c> into a fresh folder: the restored
/// databases hold the same cases, people, grids and index scores, and the keys came along.
/// </summary>
[Collection(SuiteCollection.Name)]
public class BackupTests(SuiteFixture suite)
{
    private const string PostgresBin = "/usr/lib/postgresql/15/bin";

    /// <summary>What a user of each service would check is still there, as text to compare.</summary>
    private static readonly (string Database, string Query)[] Contents =
    [
        ("workflowdb", "SELECT id || ' ' || number || ' ' || state FROM cases ORDER BY id"),
        ("organizationdb", "SELECT id || ' ' || name FROM people ORDER BY id"),
        ("organizationdb", "SELECT row(s.*)::text FROM index_scores s ORDER BY 1"),
        ("griddb", "SELECT id || ' ' || code || ' ' || name FROM grids ORDER BY id"),
        ("volunteerdb", "SELECT id || ' ' || title FROM activities ORDER BY id"),
    ];

    [Fact]
    public async Task A_backup_of_the_running_suite_restores_into_a_fresh_folder_with_the_same_cases_people_grids_and_scores()
    {
        var work = TestFolders.Create("backup");
        try
        {
            var live = $"Host=127.0.0.1;Port={PortOf(Path.Combine(suite.DataDir, "postgres"))};Username=postgres;Pooling=false";
            var before = await ReadAsync(live);
            // The demo's cases, people, grids and scores are there to be lost.
            Assert.All(before, contents => Assert.NotEmpty(contents.Value));

            var backup = Path.Combine(work, "backup");
            await PlatformAsync(suite.DataDir, "backup", backup);
            var after = await ReadAsync(live);

            var restored = Path.Combine(work, "restored");
            Directory.CreateDirectory(restored);
            var said = await PlatformAsync(restored, "restore", backup);
            Assert.Contains("events to send again", said, StringComparison.Ordinal);
            foreach (var key in Directory.GetFiles(Path.Combine(suite.DataDir, "secrets")))
            {
                Assert.Equal(await File.ReadAllTextAsync(key), await File.ReadAllTextAsync(Path.Combine(restored, "secrets", Path.GetFileName(key))));
            }

            var pgdata = Path.Combine(restored, "postgres");
            var port = FreePort();
            await RunAsync(
                AsPostgres(
                    $"{PostgresBin}/pg_ctl",
                    "-D",
                    pgdata,
                    "-w",
                    "-t",
                    "120",
                    "-l",
                    Path.Combine(work, "restored-postgres.log"),
                    "-o",
                    $"-p {port} -k /tmp -c listen_addresses=127.0.0.1",
                    "start"
                )
            );
            try
            {
                var back = await ReadAsync($"Host=127.0.0.1;Port={port};Username=postgres;Pooling=false");
                // The suite ran on while the backup was taken: what came back is what was there just before or just after.
                foreach (var (key, rows) in back)
                {
                    Assert.True(rows.SequenceEqual(before[key]) || rows.SequenceEqual(after[key]), $"{key} differs after the restore");
                }
            }
            finally
            {
                await RunAsync(AsPostgres($"{PostgresBin}/pg_ctl", "-D", pgdata, "-m", "fast", "-w", "stop"));
            }
        }
        finally
        {
            TestFolders.Delete(work);
        }
    }

    private static async Task<Dictionary<string, List<string>>> ReadAsync(string server)
    {
        var contents = new Dictionary<string, List<string>>();
        foreach (var (database, query) in Contents)
        {
            await using var connection = new NpgsqlConnection($"{server};Database={database}");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(query, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetString(0));
            }

            contents[$"{database}: {query}"] = rows;
        }

        return contents;
    }

    private static int PortOf(string pgdata) => int.Parse(File.ReadAllLines(Path.Combine(pgdata, "postmaster.pid"))[3], CultureInfo.InvariantCulture);

    private static async Task<string> PlatformAsync(string dataDir, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "platform"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PLATFORM_DATA_DIR"] = dataDir;
        return await RunAsync(start);
    }

    private static ProcessStartInfo AsPostgres(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? new ProcessStartInfo("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", program, .. arguments])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }
            : new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };

    private static async Task<string> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        var said = await output + await errors;
        Assert.True(process.ExitCode == 0, $"{start.FileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}):\n{said}");
        return said;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
