using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Security;
using Xunit;

namespace Platform.Testing;

/// <summary>
/// Every endpoint of a service × one caller: built from the service's own endpoint list, so a new endpoint is
/// in the matrix the day it is added, and one that declares no access rule fails it. Each endpoint is called
/// with ids that exist nowhere and an empty body: whether the caller got past authorization is all that is
/// asserted (a 400 or 404 after that is fine). A refusal by role is a 403 with code <c>role-required</c>; the
/// scope checks inside handlers (<c>out-of-scope</c>) are tested per resource with real data.
/// </summary>
public static partial class AccessMatrix
{
    /// <summary>The callers of the matrix: no token, then one caller per role.</summary>
    public static TheoryData<string> Callers()
    {
        var data = new TheoryData<string> { Anonymous };
        foreach (var role in Roles.All)
        {
            data.Add(role);
        }

        return data;
    }

    public const string Anonymous = "anonymous";

    public sealed record Call(string Method, string Template, AccessRule? Rule, string ContentType)
    {
        public EndpointMetadataCollection Metadata { get; init; } = EndpointMetadataCollection.Empty;
    }

    /// <summary>The service's endpoints with their methods and declared access.</summary>
    public static IReadOnlyList<Call> Endpoints(IServiceProvider services) =>
        [
            .. services
                .GetRequiredService<EndpointDataSource>()
                .Endpoints.OfType<RouteEndpoint>()
                .SelectMany(e =>
                    (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Call(
                        method,
                        "/" + e.RoutePattern.RawText!.TrimStart('/'),
                        e.Metadata.GetMetadata<AccessRule>(),
                        e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json"
                    )
                    {
                        Metadata = e.Metadata,
                    })
                )
                .Where(c => c.Method != "OPTIONS")
                .OrderBy(c => c.Template)
                .ThenBy(c => c.Method),
        ];

    /// <summary>What went wrong for <paramref name="caller"/> (a role or <see cref="Anonymous"/>): empty when the matrix holds.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(IServiceProvider services, Func<TestCaller?, HttpClient> client, string caller)
    {
        var failures = new List<string>();
        var http = client(caller == Anonymous ? null : TestCaller.In(caller));
        foreach (var call in Endpoints(services))
        {
            if (call.Rule is null)
            {
                failures.Add($"{call.Method} {call.Template} declares no access rule (use .Allow(...), .AllowSignedIn() or .AllowPublic())");
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(call.Method), Concrete(call.Template));
            if (call.Method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent(call.ContentType == "application/json" ? "{}" : "", Encoding.UTF8, call.ContentType);
            }

            using var response = await http.SendAsync(request);
            var code = await CodeAsync(response);
            var allowed = call.Rule.Public || (caller != Anonymous && call.Rule.Roles.Contains(caller));
            var refusedByRule =
                response.StatusCode == HttpStatusCode.Unauthorized
                || (response.StatusCode == HttpStatusCode.Forbidden && code is "role-required" or "access-undeclared");
            if (allowed && refusedByRule)
            {
                failures.Add($"{call.Method} {call.Template}: {caller} should pass, got {(int)response.StatusCode} {code}");
            }
            else if (!allowed && caller == Anonymous && (response.StatusCode != HttpStatusCode.Unauthorized || code != "token-required"))
            {
                failures.Add($"{call.Method} {call.Template}: no token should get 401 token-required, got {(int)response.StatusCode} {code}");
            }
            else if (!allowed && caller != Anonymous && (response.StatusCode != HttpStatusCode.Forbidden || code != "role-required"))
            {
                failures.Add($"{call.Method} {call.Template}: {caller} should get 403 role-required, got {(int)response.StatusCode} {code}");
            }
            else if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{call.Method} {call.Template}: {caller} got {(int)response.StatusCode}");
            }
        }

        return failures;
    }

    /// <summary>A path for a route template: ids that exist nowhere, a word for other parameters.</summary>
    private static string Concrete(string template) =>
        RouteParameter().Replace(template, m => m.Groups["constraint"].Value.Contains("guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString() : "x");

    private static async Task<string?> CodeAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return null;
        }

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.TryGetProperty("code", out var code) ? code.GetString() : null;
    }

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z]+)(?<constraint>[^}]*)\}")]
    private static partial Regex RouteParameter();
}

/// <summary>The access matrix as a test: a service's test project derives one class from it, in its collection.</summary>
public abstract class AccessMatrixTest<TProgram>(ServiceFactory<TProgram> service)
    where TProgram : class
{
    public static TheoryData<string> Callers() => AccessMatrix.Callers();

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_endpoint_admits_exactly_the_roles_it_declares(string caller)
    {
        var failures = await AccessMatrix.CheckAsync(service.Services, service.ClientAs, caller);

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
