using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// Who may call an endpoint, as metadata the authorization middleware enforces and the access-matrix tests
/// read back. <see cref="Public"/> marks the few endpoints open without a token.
/// </summary>
public sealed record AccessRule(IReadOnlyList<string> Roles, bool Public = false)
{
    public static readonly AccessRule Anyone = new([], Public: true);
}

/// <summary>
/// An endpoint that acts on a record whoever holds an admitted role may act on, wherever it lies (a resident signs up
/// for any published activity, a unit claims any published project): the scope sweep leaves it out, for the reason given.
/// </summary>
public sealed record AnyRecordRule(string Why, IReadOnlyList<string> Roles);

/// <summary>Declaring an endpoint's access in one line: <c>.Allow(Roles.Organizers)</c>.</summary>
public static class Access
{
    /// <summary>Callers holding any of <paramref name="roles"/>; what they see inside is then narrowed by their scope.</summary>
    public static TBuilder Allow<TBuilder>(this TBuilder builder, params IEnumerable<string> roles)
        where TBuilder : IEndpointConventionBuilder
    {
        var list = roles.Distinct(StringComparer.Ordinal).ToArray();
        if (list.Length == 0 || list.Any(r => !Roles.IsKnown(r)))
        {
            throw new ArgumentException($"Allow needs known roles; got: {string.Join(", ", list)}.", nameof(roles));
        }

        return builder
            .RequireAuthorization(policy => policy.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireRole(list))
            .WithMetadata(new AccessRule(list));
    }

    /// <summary>Any signed-in caller, whatever the role (each then sees only their own scope).</summary>
    public static TBuilder AllowSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.Allow(Roles.All);

    /// <summary>
    /// The endpoint acts on records outside the caller's scope by design (<paramref name="why"/>); every other endpoint
    /// taking a record id checks it against the caller's scope (403 or 404), which the scope sweep tests.
    /// </summary>
    /// <param name="roles">The roles that may (none: every role the endpoint admits).</param>
    public static TBuilder OnAnyRecord<TBuilder>(this TBuilder builder, string why, params IEnumerable<string> roles)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AnyRecordRule(why, [.. roles]));

    /// <summary>Open without a token: health, discovery and sign-in, API documents, Open311 reads.</summary>
    public static TBuilder AllowPublic<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.AllowAnonymous().WithMetadata(AccessRule.Anyone);
}
