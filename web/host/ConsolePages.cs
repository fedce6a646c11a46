using Microsoft.Net.Http.Headers;

namespace Platform.Web;

/// <summary>
/// The console's files: hashed assets cached for a year, the page itself never (a release is seen at the next load),
/// and every other path answered with the page, where the console's router takes over. Public: the page signs in itself.
/// </summary>
public static class ConsolePages
{
    /// <summary>
    /// Scripts, styles and the map's worker from this origin only; the API and sign-in are on it too (through the gateway).
    /// A configured tile server's origin is the one other place the maps may fetch from.
    /// </summary>
    private static string ContentSecurityPolicy(string? tiles) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data: blob:{tiles}; worker-src 'self' blob:; connect-src 'self'{tiles}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplication MapConsole(this WebApplication app)
    {
        var settings = app.Configuration.GetSection("Platform:Web").Get<ConsoleSettings>() ?? new ConsoleSettings();
        var tiles = Uri.TryCreate(settings.MapTiles?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal), UriKind.Absolute, out var tileUri)
            ? $" {tileUri.GetLeftPart(UriPartial.Authority)}"
            : null;
        var policy = ContentSecurityPolicy(tiles);
        app.Use(async (context, next) =>
        {
            context.Response.Headers[HeaderNames.ContentSecurityPolicy] = policy;
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        // What the console reads at start that differs per deployment (nothing secret: it is public, as the page is).
        app.MapGet("/console-settings.json", () => TypedResults.Ok(settings)).AllowPublic().ExcludeFromDescription();
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        }).AllowPublic();
        return app;
    }
}

/// <summary>Per-deployment console settings (<c>Platform:Web</c>).</summary>
public sealed record ConsoleSettings
{
    /// <summary>A raster tile URL template in WGS-84 ({z}/{x}/{y}); none: the maps draw the grids on a plain background.</summary>
    public string? MapTiles { get; init; }

    public string? MapAttribution { get; init; }
}
