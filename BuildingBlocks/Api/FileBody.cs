using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Api;

/// <summary>
/// The request's body is a file read by the handler itself (a photo, say), of the media types listed. Unlike
/// <c>Accepts</c>, routing does not refuse other Content-Type headers: the handler judges the content itself and
/// answers with a problem naming what it found. The OpenAPI document describes the body as binary of these types.
/// </summary>
public sealed record FileBody(IReadOnlyList<string> MediaTypes);

public static class FileBodies
{
    public static TBuilder TakesFile<TBuilder>(this TBuilder builder, params string[] mediaTypes)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new FileBody(mediaTypes));

    /// <summary>Reads the body up to <paramref name="maxBytes"/>; null when it is larger (told by Content-Length before reading, if given).</summary>
    public static async Task<byte[]?> ReadLimitedAsync(this HttpRequest request, int maxBytes, CancellationToken ct)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
