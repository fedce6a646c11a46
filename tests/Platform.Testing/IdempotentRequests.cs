using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;

namespace Platform.Testing;

/// <summary>Requests as a phone sends them from its outbox: each with the <c>Idempotency-Key</c> it keeps for retries.</summary>
public static class IdempotentRequests
{
    public static Task<HttpResponseMessage> PostWithKeyAsync(this HttpClient client, string path, object? body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
        request.Headers.TryAddWithoutValidation(Idempotency.Header, key);
        return client.SendAsync(request);
    }

    /// <summary>Whether the answer is a kept one, sent again.</summary>
    public static bool IsReplayed(this HttpResponseMessage response) =>
        response.Headers.TryGetValues(Idempotency.ReplayedHeader, out var values) && values.Single() == "true";
}
