namespace Platform.Organization.PartyOrganizations;

/// <summary>The kinds of organization in the subdistrict's tree (docs/architecture.md, Names the code uses).</summary>
public enum OrganizationKind
{
    /// <summary>街道工委: the core and the one root of the tree.</summary>
    SubdistrictCommittee,

    /// <summary>社区党总支: a community's general branch.</summary>
    CommunityGeneralBranch,

    /// <summary>社区党支部: a community's branch.</summary>
    CommunityBranch,

    /// <summary>小区党支部: a residential compound's branch.</summary>
    CompoundBranch,

    /// <summary>楼栋党小组: a building's party group, the smallest unit.</summary>
    BuildingGroup,

    /// <summary>驻区单位党组织: the party organization of a member unit.</summary>
    MemberUnitOrganization,

    /// <summary>两新组织党组织: of a new economic or social organization.</summary>
    NewEconomicSocialOrganization,

    /// <summary>群团组织: trade union, youth league, women's federation.</summary>
    MassOrganization,
}

/// <summary>Which kind may sit directly under which: the structural rule of the tree.</summary>
public static class OrganizationKindRules
{
    private static readonly Dictionary<OrganizationKind, OrganizationKind[]> AllowedParents = new()
    {
        [OrganizationKind.SubdistrictCommittee] = [],
        [OrganizationKind.CommunityGeneralBranch] = [OrganizationKind.SubdistrictCommittee],
        [OrganizationKind.CommunityBranch] = [OrganizationKind.SubdistrictCommittee, OrganizationKind.CommunityGeneralBranch],
        [OrganizationKind.CompoundBranch] = [OrganizationKind.CommunityGeneralBranch, OrganizationKind.CommunityBranch],
        [OrganizationKind.BuildingGroup] = [OrganizationKind.CompoundBranch, OrganizationKind.CommunityBranch],
        [OrganizationKind.MemberUnitOrganization] = [OrganizationKind.SubdistrictCommittee, OrganizationKind.MemberUnitOrganization],
        [OrganizationKind.NewEconomicSocialOrganization] =
        [
            OrganizationKind.SubdistrictCommittee,
            OrganizationKind.CommunityGeneralBranch,
            OrganizationKind.CommunityBranch,
        ],
        [OrganizationKind.MassOrganization] =
        [
            OrganizationKind.SubdistrictCommittee,
            OrganizationKind.CommunityGeneralBranch,
            OrganizationKind.CommunityBranch,
            OrganizationKind.MemberUnitOrganization,
            OrganizationKind.NewEconomicSocialOrganization,
        ],
    };

    public static IReadOnlyList<OrganizationKind> ParentsAllowedFor(OrganizationKind kind) => AllowedParents[kind];

    public static bool MaySitUnder(OrganizationKind child, OrganizationKind parent) => AllowedParents[child].Contains(parent);

    /// <summary>Kinds that belong to one community and carry its id.</summary>
    public static bool IsCommunityLevel(OrganizationKind kind) =>
        kind
            is OrganizationKind.CommunityGeneralBranch
                or OrganizationKind.CommunityBranch
                or OrganizationKind.CompoundBranch
                or OrganizationKind.BuildingGroup;
}

/// <summary>Which mass organization (群团组织) a <see cref="OrganizationKind.MassOrganization"/> is.</summary>
public enum MassOrganizationType
{
    TradeUnion,
    YouthLeague,
    WomensFederation,
}
