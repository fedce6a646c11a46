using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Time;

namespace Platform.BuildingBlocks.Input;

/// <summary>
/// The edge every request passes before its endpoint runs: the path, every query parameter and every form
/// field are checked by <see cref="TextRules"/> (a 400 naming the parameter), and every query parameter the
/// endpoint binds as an instant is read by <see cref="Instants"/> and handed on in UTC. JSON bodies get the same
/// rules as they are read (<see cref="CheckedTextConverter"/>, <see cref="UtcInstantConverter"/>).
/// </summary>
internal sealed class InputRulesMiddleware(RequestDelegate next, TimeProvider clock)
{
    private static readonly ConcurrentDictionary<Endpoint, string[]> InstantParameters = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (TextRules.Problem(request.Path.Value) is { } pathProblem)
        {
            await Refuse(context, "path", pathProblem);
            return;
        }

        if (request.QueryString.HasValue)
        {
            if (FirstProblem(request.Query) is ({ } field, { } problem))
            {
                await Refuse(context, field, problem);
                return;
            }

            if (context.GetEndpoint() is { } endpoint && InstantParameters.GetOrAdd(endpoint, InstantsOf) is { Length: > 0 } instants)
            {
                NormaliseInstants(request, instants, clock.LocalTimeZone);
            }
        }

        // Forms are checked where an endpoint of this host reads them (not where the gateway only forwards them).
        if (
            request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
            && context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not null
        )
        {
            IFormCollection form;
            try
            {
                // Kept readable for whatever reads the body again after this (OpenIddict reads the raw form).
                request.EnableBuffering();
                form = await request.ReadFormAsync(context.RequestAborted);
                request.Body.Position = 0;
            }
            catch (InvalidDataException)
            {
                await Refuse(context, "body", "is not a readable form.");
                return;
            }

            if (FirstProblem(form) is ({ } field, { } problem))
            {
                await Refuse(context, field, problem);
                return;
            }
        }

        await next(context);
    }

    private static (string? Field, string? Problem) FirstProblem(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        foreach (var (key, value) in values)
        {
            if (TextRules.Problem(key) is { } keyProblem)
            {
                return ("parameter name", keyProblem);
            }

            foreach (var item in value)
            {
                if (item is not null && TextRules.Problem(item) is { } problem)
                {
                    return (key, problem);
                }
            }
        }

        return (null, null);
    }

    /// <summary>The query parameters an endpoint binds as <see cref="DateTimeOffset"/>.</summary>
    private static string[] InstantsOf(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<MethodInfo>() is { } method
            ?
            [
                .. method
                    .GetParameters()
                    .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) == typeof(DateTimeOffset))
                    .Where(p =>
                        p.GetCustomAttribute<FromRouteAttribute>() is null
                        && p.GetCustomAttribute<FromBodyAttribute>() is null
                        && p.GetCustomAttribute<FromHeaderAttribute>() is null
                    )
                    .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!),
            ]
            : [];

    private static void NormaliseInstants(HttpRequest request, string[] names, TimeZoneInfo zone)
    {
        var changed = false;
        var rebuilt = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in request.Query)
        {
            var isInstant = names.Contains(key, StringComparer.OrdinalIgnoreCase);
            foreach (var item in value)
            {
                var text = item ?? "";
                if (isInstant && Instants.TryParse(text, zone, out var instant))
                {
                    text = Instants.Write(instant);
                    changed = true;
                }

                rebuilt.Add(KeyValuePair.Create(key, text));
            }
        }

        if (changed)
        {
            request.QueryString = new QueryBuilder(rebuilt).ToQueryString();
        }
    }

    private static Task Refuse(HttpContext context, string field, string problem) =>
        context.GetEndpoint()?.Metadata.GetMetadata<IInputRefusal>() is { } own
            ? own.Refuse(context, field, problem).ExecuteAsync(context)
            : Api.Problems.From(DomainError.Invalid(field, TextRules.Code, $"{field} {problem}")).ExecuteAsync(context);
}
