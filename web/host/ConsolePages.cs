using Microsoft.Net.Http.Headers;

namespace Platform.Web;

/// <summary>
/// The console's files: hashed assets cached for a year, the page itself never (a release is seen at the next load),
/// and every other path answered with the page, where the console's router takes over. Public: the page signs in itself.
/// </summary>
public static class ConsolePages
{
    /// <summary>Scripts, styles and the map's worker from this origin only; the API and sign-in are on it too (through the gateway).</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; worker-src 'self' blob:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.Headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            await next(context);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] =
                file.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        app.MapFallbackToFile("index.html", new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        }).AllowPublic();
        return app;
    }
}
