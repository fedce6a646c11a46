namespace Platform.BuildingBlocks.Security;

/// <summary>
/// The roles a caller can hold (docs/architecture.md, Who it is for; docs/security.md). Roles say what kind of work a caller does; the scope
/// claims (<see cref="PlatformClaims"/>) narrow it to an area, a department, a unit or the caller's own records.
/// </summary>
public static class Roles
{
    /// <summary>Runs the platform for the whole subdistrict: sees and acts on everything.</summary>
    public const string SubdistrictAdmin = "subdistrict-admin";

    /// <summary>A subdistrict cadre (街道干部), working in the communities and grids assigned to them (分片包干).</summary>
    public const string SubdistrictCadre = "subdistrict-cadre";

    /// <summary>A handler in a functional department (urban management, police...): the cases sent to it.</summary>
    public const string DepartmentHandler = "department-handler";

    /// <summary>A community worker (社区工作者): their community.</summary>
    public const string CommunityStaff = "community-staff";

    /// <summary>Grid leader or assistant (网格长, 网格协管员): their grids.</summary>
    public const string GridStaff = "grid-staff";

    /// <summary>A party member: their own records.</summary>
    public const string PartyMember = "party-member";

    /// <summary>The liaison of a member unit (共驻共建单位): their unit's claims and people.</summary>
    public const string UnitLiaison = "unit-liaison";

    /// <summary>A resident or volunteer: their own reports and sign-ups.</summary>
    public const string Resident = "resident";

    public static readonly IReadOnlyList<string> All =
    [
        SubdistrictAdmin,
        SubdistrictCadre,
        DepartmentHandler,
        CommunityStaff,
        GridStaff,
        PartyMember,
        UnitLiaison,
        Resident,
    ];

    /// <summary>Everyone who works for the subdistrict or its communities.</summary>
    public static readonly IReadOnlyList<string> Staff = [SubdistrictAdmin, SubdistrictCadre, CommunityStaff, GridStaff, DepartmentHandler];

    /// <summary>Those who run party and community work: the subdistrict and community staff.</summary>
    public static readonly IReadOnlyList<string> Organizers = [SubdistrictAdmin, SubdistrictCadre, CommunityStaff];

    /// <summary>The staff of an area, down to its grids, who go and see for themselves (verify a result, visit a
    /// dispute): every staff role but a department's.</summary>
    public static readonly IReadOnlyList<string> AreaStaff = [SubdistrictAdmin, SubdistrictCadre, CommunityStaff, GridStaff];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
