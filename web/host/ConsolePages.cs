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
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
        + $"img-src 'self' data: blob:{tiles}; worker-src 'self' blob:; connect-src 'self'{tiles}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static WebApplication MapConsole(this WebApplication app)
    {
        var settings = app.Configuration.GetSection("Platform:Web").Get<ConsoleSettings>() ?? new ConsoleSettings();
        var tiles = Uri.TryCreate(
            settings.MapTiles?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal),
            UriKind.Absolute,
            out var tileUri
        )
            ? $" {tileUri.GetLeftPart(UriPartial.Authority)}"
            : null;
        var policy = ContentSecurityPolicy(tiles);
        app.Use(
            async (context, next) =>
            {
                context.Response.Headers[HeaderNames.ContentSecurityPolicy] = policy;
                context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                context.Response.Headers["Referrer-Policy"] = "same-origin";
                await next(context);
            }
        );
        // Scripts and styles are kept compressed beside themselves (web/scripts/compress.mjs): the copy the browser accepts is sent.
        app.Use(
            async (context, next) =>
            {
                var path = context.Request.Path.Value ?? "";
                if (path.StartsWith("/assets/", StringComparison.Ordinal) && CompressedCopies.Of(path) is not null)
                {
                    var accepted = context.Request.Headers.AcceptEncoding.ToString();
                    foreach (var (encoding, suffix) in CompressedCopies.Encodings)
                    {
                        if (
                            accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase)
                            && app.Environment.WebRootFileProvider.GetFileInfo(path + suffix).Exists
                        )
                        {
                            context.Request.Path = path + suffix;
                            context.Response.Headers.ContentEncoding = encoding;
                            break;
                        }
                    }

                    context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
                }

                await next(context);
            }
        );
        app.UseStaticFiles(
            new StaticFileOptions
            {
                ContentTypeProvider = new CompressedCopies(),
                OnPrepareResponse = file =>
                    file.Context.Response.Headers[HeaderNames.CacheControl] = file.Context.Request.Path.StartsWithSegments("/assets")
                        ? "public, max-age=31536000, immutable"
                        : "no-cache",
            }
        );
        // What the console reads at start that differs per deployment (nothing secret: it is public, as the page is).
        app.MapGet("/console-settings.json", () => TypedResults.Ok(settings)).AllowPublic().ExcludeFromDescription();
        // The phone app's screens are its own page (web/m/index.html); its service worker is never kept by caches.
        app.MapFallbackToFile(
                "/m/{*path:nonfile}",
                "m/index.html",
                new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache" }
            )
            .AllowPublic();
        app.MapFallbackToFile(
                "index.html",
                new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache" }
            )
            .AllowPublic();
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

/// <summary>The type of a compressed copy is its original's (<c>app.js.br</c> is JavaScript, sent with Content-Encoding br).</summary>
internal sealed class CompressedCopies : Microsoft.AspNetCore.StaticFiles.IContentTypeProvider
{
    public static readonly (string Encoding, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    private static readonly Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider Types = new();

    public static string? Of(string path) =>
        path.EndsWith(".js", StringComparison.Ordinal) || path.EndsWith(".mjs", StringComparison.Ordinal) ? "text/javascript"
        : path.EndsWith(".css", StringComparison.Ordinal) ? "text/css"
        : path.EndsWith(".webmanifest", StringComparison.Ordinal) ? "application/manifest+json"
        : null;

    public bool TryGetContentType(string subpath, out string contentType)
    {
        var original = Encodings.Aggregate(subpath, (p, e) => p.EndsWith(e.Suffix, StringComparison.Ordinal) ? p[..^e.Suffix.Length] : p);
        if (Of(original) is { } known)
        {
            contentType = known;
            return true;
        }

        return Types.TryGetContentType(original, out contentType!);
    }
}
