using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Api;

/// <summary>Problem codes an endpoint's handler can answer with <see cref="Status"/>: the operation's contract with its clients.</summary>
public sealed record Refusal(int Status, IReadOnlyList<string> Codes);

/// <summary>
/// Declaring what an endpoint refuses, next to its mapping: <c>.Refuses(409, "case-not-dispatched")</c>. The OpenAPI
/// document lists each operation's codes under their status; in the tests' hosts a problem with a code its endpoint
/// does not declare is a 500 (<c>ProblemCodeCheck</c>), so a new refusal cannot go undocumented.
/// </summary>
public static class Refusals
{
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, int status, params string[] codes)
        where TBuilder : IEndpointConventionBuilder
    {
        if (status is < 400 or > 499 || codes.Length == 0)
        {
            throw new ArgumentException($"Refuses takes a 4xx status and at least one code; got {status} with {codes.Length}.", nameof(codes));
        }

        return builder.WithMetadata(new Refusal(status, codes));
    }

    /// <summary>
    /// The codes the suite's own machinery answers with, whatever the endpoint: the exception handler (unreadable input,
    /// values the database refuses, racing writes), the input rules, authentication and authorization, the gateway.
    /// </summary>
    public static readonly IReadOnlyDictionary<int, string[]> Machinery = new Dictionary<int, string[]>
    {
        [StatusCodes.Status400BadRequest] =
        [
            "invalid-json",
            "invalid-text",
            "invalid-parameter",
            "unreadable-request",
            "value-too-long",
            "value-out-of-range",
            "invalid-value",
        ],
        [StatusCodes.Status401Unauthorized] =
        [
            "token-required",
            "token-expired",
            "token-invalid",
            "token-signature-invalid",
            "token-audience-invalid",
            "token-issuer-invalid",
            "token-type-invalid",
        ],
        [StatusCodes.Status403Forbidden] = ["role-required"],
        [StatusCodes.Status409Conflict] = ["concurrent-change", "already-exists", "referenced-record-missing"],
        [StatusCodes.Status413PayloadTooLarge] = ["request-too-large"],
        [StatusCodes.Status429TooManyRequests] = ["rate-limited"],
    };

    /// <summary>Everything <paramref name="endpoint"/> may answer: what it declares and what the machinery may.</summary>
    public static bool Admits(Endpoint? endpoint, int status, string code) =>
        Machinery.TryGetValue(status, out var codes) && codes.Contains(code)
        || endpoint?.Metadata.GetOrderedMetadata<Refusal>().Any(r => r.Status == status && r.Codes.Contains(code)) == true;
}
