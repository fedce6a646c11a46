using Scalar.AspNetCore;

namespace Platform.Gateway.Docs;

public static class ApiReference
{
    public const string Path = "/api/docs";

    private static readonly string[] Services = [ResourceNames.Organization, ResourceNames.Grid, ResourceNames.Volunteer, ResourceNames.Workflow];

    /// <summary>One reference page for the whole suite: each service's OpenAPI document, fetched through the gateway.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference(Path, options =>
            {
                options.WithTitle("Platform API");
                foreach (var service in Services)
                {
                    options.AddDocument(service, $"{char.ToUpperInvariant(service[0])}{service[1..]} service", $"/api/{service}/openapi/v1.json");
                }
            })
            .AllowPublic();
        return app;
    }
}
