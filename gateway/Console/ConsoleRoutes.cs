namespace Platform.Gateway.Console;

/// <summary>
/// The web console answers every path no service claims (its own pages and client-side routes, at the lowest order).
/// Paths under the API's and sign-in's prefixes never reach it: one no service serves is a 404 problem here, not a page.
/// </summary>
public static class ConsoleRoutes
{
    /// <summary>After every service's route (orders 1 and 2), before the console's (100).</summary>
    private const int Order = 50;

    private static readonly string[] ServicePrefixes = ["/api", "/open311", "/connect", "/.well-known"];

    public static WebApplication MapUnknownServicePaths(this WebApplication app)
    {
        foreach (var prefix in ServicePrefixes)
        {
            app.Map($"{prefix}/{{**rest}}", (HttpContext context) =>
                    TypedResults.Problem(
                        title: $"No service answers {context.Request.Path}.",
                        statusCode: StatusCodes.Status404NotFound,
                        type: "https://platform.local/problems/no-such-route",
                        extensions: new Dictionary<string, object?> { ["code"] = "no-such-route" }
                    )
                )
                .WithOrder(Order)
                .ExcludeFromDescription()
                .AllowPublic();
        }

        return app;
    }
}
