namespace Platform.Organization.Accounts;

/// <summary>The roles a caller can hold (DESIGN.md, Security). Scopes narrow each role to an area.</summary>
public static class Roles
{
    public const string SubdistrictAdmin = "subdistrict-admin";
    public const string SubdistrictCadre = "subdistrict-cadre";
    public const string DepartmentHandler = "department-handler";
    public const string CommunityStaff = "community-staff";
    public const string GridStaff = "grid-staff";
    public const string PartyMember = "party-member";
    public const string UnitLiaison = "unit-liaison";
    public const string Resident = "resident";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        SubdistrictAdmin, SubdistrictCadre, DepartmentHandler, CommunityStaff, GridStaff, PartyMember, UnitLiaison, Resident,
    };
}
