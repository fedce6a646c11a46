using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Load;

/// <summary>
/// The running suite the load is driven against: the gateway's own port, each service's port (for the same request
/// without the gateway), and the Postgres server holding the services' databases (for seeding and reconciliation).
/// </summary>
public sealed record LoadTarget(Uri Gateway, IReadOnlyDictionary<string, Uri> Services, string Postgres)
{
    public Uri Direct(string service) =>
        Services.TryGetValue(service, out var uri) ? uri : throw new InvalidOperationException($"No port was found for the {service} service.");

    public string Database(string service) => $"{Postgres};Database={service}db";

    /// <summary>Arguments: gateway URL, postgres host:port, then name=url for each service.</summary>
    public static LoadTarget Parse(IReadOnlyList<string> args)
    {
        var services = args.Skip(2).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => new Uri(p[1]));
        var (host, port) = args[1].Split(':') is [var h, var p] ? (h, p) : throw new ArgumentException("postgres is host:port");
        return new LoadTarget(new Uri(args[0]), services, $"Host={host};Port={port};Username=postgres;Timeout=30;Command Timeout=0");
    }
}

/// <summary>The accounts the load signs in as, seeded through the API on first use (sign-up and the admin's account API).</summary>
public sealed class LoadAccounts
{
    public const string Password = "Bench-Load-2026x";
    private const string DemoPassword = "Demo-Platform-2026";

    public required IReadOnlyList<string> Residents { get; init; }

    /// <summary>Subdistrict administrators: the register's lists, and the loop's operator steps.</summary>
    public required IReadOnlyList<string> Staff { get; init; }

    /// <summary>Urban-management department handlers: the loop's handler steps.</summary>
    public required IReadOnlyList<string> Handlers { get; init; }

    public required string Admin { get; init; }

    /// <summary>
    /// The gateway counts requests per signed-in user (3,000 a minute): the load spreads over many residents and staff,
    /// as a real peak would.
    /// </summary>
    public static async Task<LoadAccounts> SeedAsync(HttpClient gateway, int residents, int staff)
    {
        var admin = await TokenAsync(gateway, "admin", DemoPassword);
        var residentNames = Enumerable.Range(1, residents).Select(i => $"bench.resident.{i:D3}").ToList();
        var staffNames = Enumerable.Range(1, staff).Select(i => $"bench.admin.{i:D3}").ToList();
        var handlerNames = Enumerable.Range(1, staff).Select(i => $"bench.handler.{i:D3}").ToList();
        foreach (var name in residentNames)
        {
            using var response = await gateway.PostAsJsonAsync("/api/organization/accounts/sign-up", new { userName = name, password = Password });
            Expect(response, name, 201, 409);
        }

        async Task CreateAsync(string name, string role, string? department)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/organization/accounts")
            {
                Content = JsonContent.Create(
                    new
                    {
                        userName = name,
                        password = Password,
                        roles = new[] { role },
                        department,
                    }
                ),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await gateway.SendAsync(request);
            Expect(response, name, 201, 409);
        }

        foreach (var name in staffNames)
        {
            await CreateAsync(name, "subdistrict-admin", null);
        }

        foreach (var name in handlerNames)
        {
            await CreateAsync(name, "department-handler", "urban-management");
        }

        async Task<List<string>> TokensAsync(IEnumerable<string> names)
        {
            var tokens = new List<string>();
            foreach (var name in names)
            {
                tokens.Add(await TokenAsync(gateway, name, Password));
            }

            return tokens;
        }

        return new LoadAccounts
        {
            Residents = await TokensAsync(residentNames),
            Staff = await TokensAsync(staffNames),
            Handlers = await TokensAsync(handlerNames),
            Admin = admin,
        };
    }

    private static void Expect(HttpResponseMessage response, string name, params int[] statuses)
    {
        if (!statuses.Contains((int)response.StatusCode))
        {
            throw new InvalidOperationException($"Seeding account {name}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().Result}");
        }
    }

    public static async Task<string> TokenAsync(HttpClient http, string user, string password)
    {
        using var response = await http.PostAsync(
            "/connect/token",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "password",
                    ["client_id"] = "platform-app",
                    ["username"] = user,
                    ["password"] = password,
                    ["scope"] = "platform-api roles",
                }
            )
        );
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Signing in as {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
