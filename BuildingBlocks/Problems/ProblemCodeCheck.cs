using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Platform.BuildingBlocks.Api;

namespace Platform.BuildingBlocks.Problems;

/// <summary>
/// Holds each endpoint to the refusals it declares (<see cref="Refusals.Refuses"/>). Off in production. With
/// <c>Platform:Api:ProblemCodes:Check</c> (the tests' hosts) a problem whose code the endpoint does not declare becomes a
/// 500 naming the code and the operation, so the test that provoked it fails; with <c>Platform:Api:ProblemCodes:Log</c>
/// every answered code is appended to that file (operation, status, code), to see what an endpoint answers.
/// </summary>
internal sealed class ProblemCodeCheck(IConfiguration configuration)
{
    public const string UndeclaredCode = "undeclared-problem-code";
    private static readonly Lock LogLock = new();
    private readonly bool check = configuration.GetValue("Platform:Api:ProblemCodes:Check", false);
    private readonly string? log = configuration["Platform:Api:ProblemCodes:Log"];

    public void Inspect(ProblemDetailsContext context)
    {
        if (!check && log is null || context.ProblemDetails.Extensions.TryGetValue("code", out var value) is false || value is not string code)
        {
            return;
        }

        var endpoint = context.HttpContext.GetEndpoint();
        var operation = endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        if (operation is null || status >= 500)
        {
            return;
        }

        if (log is not null)
        {
            lock (LogLock)
            {
                File.AppendAllText(log, $"{operation}\t{status}\t{code}\n");
            }
        }

        // What the exception handler answers (unreadable input, a required value left out, a racing write) is the
        // machinery's, documented by the operation's shape; only a handler's own refusals are declared one by one.
        if (check && context.Exception is null && !Refusals.Admits(endpoint, status, code))
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.ProblemDetails.Status = StatusCodes.Status500InternalServerError;
            context.ProblemDetails.Title =
                $"{operation} answered {status} {code}, which it does not declare: add .Refuses({status}, \"{code}\") to its mapping.";
            context.ProblemDetails.Extensions["code"] = UndeclaredCode;
            context.ProblemDetails.Type = null;
        }
    }
}
