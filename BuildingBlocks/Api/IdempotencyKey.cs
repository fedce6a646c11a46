using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Api;

/// <summary>Marks an endpoint as honouring <c>Idempotency-Key</c> (<c>.Idempotent()</c>, with the service's database).</summary>
public sealed record IdempotentEndpoint;

/// <summary>The <c>Idempotency-Key</c> header as the HTTP edge sees it: its name, and the body kept readable for it.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Reads a request's body again later: an idempotent endpoint's body is hashed after it has been bound.</summary>
    internal static Task BufferIdempotentBodies(HttpContext context, Func<Task> next)
    {
        if (context.Request.Headers.ContainsKey(Header) && context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpoint>() is not null)
        {
            context.Request.EnableBuffering();
        }

        return next();
    }
}
