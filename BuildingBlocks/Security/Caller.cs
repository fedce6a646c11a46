using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Platform.BuildingBlocks.Security;

/// <summary>
/// Who is calling, read from the validated access token: roles, and the scope they act in (communities, grids,
/// department, unit, themselves). An endpoint takes it as a parameter; scoped queries and checks go through
/// <see cref="Scope{T}"/>.
/// </summary>
public sealed class Caller
{
    private Caller(ClaimsPrincipal principal)
    {
        Subject = principal.FindFirstValue(PlatformClaims.Subject) ?? "";
        Name = principal.FindFirstValue(PlatformClaims.Name) ?? Subject;
        PersonId = Guid.TryParse(principal.FindFirstValue(PlatformClaims.Person), out var person) ? person : null;
        Roles = Values(principal, PlatformClaims.Role).ToHashSet(StringComparer.Ordinal);
        Communities = Ids(principal, PlatformClaims.Community);
        Grids = Ids(principal, PlatformClaims.Grid);
        Units = Ids(principal, PlatformClaims.Unit);
        Departments = Values(principal, PlatformClaims.Department).ToHashSet(StringComparer.Ordinal);
        IsMachine = principal.FindFirstValue(PlatformClaims.ClientKind) == "machine";
    }

    /// <summary>The account id (or the client id of a machine client).</summary>
    public string Subject { get; }

    public string Name { get; }

    public Guid? PersonId { get; }

    public IReadOnlySet<string> Roles { get; }

    public IReadOnlySet<Guid> Communities { get; }

    public IReadOnlySet<Guid> Grids { get; }

    public IReadOnlySet<Guid> Units { get; }

    public IReadOnlySet<string> Departments { get; }

    public bool IsMachine { get; }

    /// <summary>The subdistrict admin sees and acts on everything; every other role is held to its scope.</summary>
    public bool SeesWholeSubdistrict => Roles.Contains(Security.Roles.SubdistrictAdmin);

    public bool IsIn(params string[] roles) => roles.Any(Roles.Contains);

    public bool CoversCommunity(Guid? community) => SeesWholeSubdistrict || community is { } id && Communities.Contains(id);

    public bool CoversGrid(Guid? grid) => SeesWholeSubdistrict || grid is { } id && Grids.Contains(id);

    public bool CoversUnit(Guid? unit) => SeesWholeSubdistrict || unit is { } id && Units.Contains(id);

    /// <summary>
    /// Whether the caller may change a record of <paramref name="community"/> (null: the subdistrict's own): the
    /// subdistrict (the admin and its cadres) anywhere, community staff in the communities of their scope.
    /// </summary>
    public bool Manages(Guid? community) =>
        SeesWholeSubdistrict || Roles.Contains(Security.Roles.SubdistrictCadre) || community is { } id && Communities.Contains(id);

    public bool IsPerson(Guid? person) => person is { } id && PersonId == id;

    public static Caller From(ClaimsPrincipal principal) => new(principal);

    /// <summary>Minimal APIs bind a <see cref="Caller"/> parameter from the authenticated user.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult<Caller?>(From(context.User));

    private static IEnumerable<string> Values(ClaimsPrincipal principal, string type) => principal.FindAll(type).Select(c => c.Value).Where(v => v.Length > 0);

    private static HashSet<Guid> Ids(ClaimsPrincipal principal, string type) =>
        [.. Values(principal, type).Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty)];
}
