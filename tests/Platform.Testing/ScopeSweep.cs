using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Platform.BuildingBlocks.Security;

namespace Platform.Testing;

/// <summary>
/// Records that exist in one area (community, grid, unit, department, person) and callers of every role whose
/// scope lies elsewhere: what the scope sweep needs from a service's tests. A record is named by the path
/// segment that precedes its id in the routes (<c>hours</c> for <c>/hours/{id}/approve</c>, <c>shifts</c> for
/// <c>/activities/{id}/shifts/{shiftId}</c>), so every endpoint on a known kind of record is swept without a line
/// of its own.
/// </summary>
public sealed class ScopeWorld
{
    public Dictionary<string, string> Records { get; } = new(StringComparer.Ordinal);

    /// <summary>A caller of <paramref name="role"/> whose community, grids, unit, department and person are all elsewhere.</summary>
    public static TestCaller Outsider(string role) =>
        new([role])
        {
            Name = $"outsider.{role}",
            PersonId = Guid.NewGuid(),
            Communities = [Guid.NewGuid()],
            Grids = [Guid.NewGuid()],
            Units = [Guid.NewGuid()],
            Department = "elsewhere",
        };
}

/// <summary>
/// Scope on every write, swept from the service's OpenAPI document and endpoint list: every operation that acts on
/// a record named in its path (everything but reads) is called, for each role it admits that is held to a scope,
/// by a caller of that role from another area, on a real record of the world: the answer must be 403 or 404, never
/// a 2xx nor anything that shows the record was acted on or inspected (a 409 about its state, a 400 about the body).
/// Endpoints that act across scopes by design say so with <c>.OnAnyRecord(why)</c>.
/// </summary>
public static partial class ScopeSweep
{
    public sealed record Outcome(int Requests, int Operations, IReadOnlyList<string> Failures, IReadOnlyList<string> Exempt);

    public static async Task<Outcome> RunAsync(ApiDocument document, IServiceProvider services, Func<TestCaller?, HttpClient> clients, ScopeWorld world)
    {
        var endpoints = AccessMatrix
            .Endpoints(services)
            .GroupBy(e => Key(e.Method, Constraint().Replace(e.Template, "}")))
            .ToDictionary(g => g.Key, g => g.First());
        var failures = new List<string>();
        var exempt = new List<string>();
        var requests = 0;
        var operations = 0;
        foreach (var operation in document.Operations.Where(o => o.Method != "GET" && o.Path.Contains('{', StringComparison.Ordinal)))
        {
            if (!endpoints.TryGetValue(Key(operation.Method, operation.Path), out var endpoint))
            {
                failures.Add($"{operation}: documented, but no endpoint of the service has this route");
                continue;
            }

            if (endpoint.Rule is null or { Public: true })
            {
                continue;
            }

            var any = endpoint.Metadata.GetMetadata<AnyRecordRule>();
            if (any is not null)
            {
                exempt.Add($"{operation} ({(any.Roles.Count == 0 ? "every role" : string.Join(", ", any.Roles))}): {any.Why}");
            }

            var roles = endpoint
                .Rule.Roles.Where(r => r != Roles.SubdistrictAdmin && !(any is not null && (any.Roles.Count == 0 || any.Roles.Contains(r))))
                .ToList();
            if (roles.Count == 0)
            {
                continue;
            }

            string? missing = null;
            var path = Parameter()
                .Replace(operation.Path, m =>
                {
                    var name = m.Groups["name"].Value;
                    var segment = m.Groups["segment"].Value;
                    if (world.Records.TryGetValue(segment, out var id))
                    {
                        return $"{segment}/{Uri.EscapeDataString(id)}";
                    }

                    var schema = operation.Parameters.FirstOrDefault(p => p.In == "path" && p.Name == name)?.Schema;
                    if (schema is { } s && ApiDocument.FormatOf(document.Main(s)) != "uuid" && document.Example(s) is { } example)
                    {
                        return $"{segment}/{Uri.EscapeDataString(example.ToString())}";
                    }

                    missing = segment;
                    return m.Value;
                });
            if (missing is not null)
            {
                failures.Add($"{operation}: the world has no record for '{missing}' (add one to the service's scope world)");
                continue;
            }

            operations++;
            var body =
                operation.Body is { } bodySchema && operation.BodyMediaType == "application/json" ? document.Example(bodySchema)?.ToJsonString() ?? "{}" : null;
            foreach (var role in roles)
            {
                requests++;
                using var request = new HttpRequestMessage(new HttpMethod(operation.Method), "/" + path.TrimStart('/'));
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await clients(ScopeWorld.Outsider(role)).SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                // A refusal by the endpoint carries its code; a bare 404 would mean the path reached no endpoint at all.
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound) || !text.Contains("\"code\"", StringComparison.Ordinal))
                {
                    failures.Add($"{operation} as {role} of another area: {(int)response.StatusCode} {(text.Length > 240 ? text[..240] : text)}");
                }
            }
        }

        return new Outcome(requests, operations, failures, exempt);
    }

    private static string Key(string method, string path) => $"{method} {path.TrimEnd('/')}";

    [GeneratedRegex(@"(?<segment>[^/{}]+)/\{(?<name>[^}:]+)[^}]*\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();
}
