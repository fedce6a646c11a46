using Platform.Organization.PartyOrganizations;

namespace Platform.Organization.Tests;

/// <summary>The tree's structural rules, on the domain types alone.</summary>
public class TreeRulesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid Community = Guid.NewGuid();

    private static PartyOrganization Root() =>
        PartyOrganization.Found(Guid.NewGuid(), "河西街道工委", OrganizationKind.SubdistrictCommittee, null, null, null, rootExists: false, T0).Value!;

    private static PartyOrganization Under(PartyOrganization parent, OrganizationKind kind, Guid? community = null, MassOrganizationType? mass = null)
    {
        var result = PartyOrganization.Found(Guid.NewGuid(), kind.ToString(), kind, mass, parent, community, rootExists: true, T0);
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Value!;
    }

    [Fact]
    public void The_whole_chain_from_committee_to_building_group_is_allowed()
    {
        var root = Root();
        var general = Under(root, OrganizationKind.CommunityGeneralBranch, Community);
        var compound = Under(general, OrganizationKind.CompoundBranch);
        var building = Under(compound, OrganizationKind.BuildingGroup);

        Assert.Equal(compound.Id, building.ParentId);
        Assert.Equal(Community, building.CommunityId);
    }

    [Theory]
    [InlineData(OrganizationKind.BuildingGroup)]
    [InlineData(OrganizationKind.CompoundBranch)]
    public void Small_units_cannot_sit_directly_under_the_committee(OrganizationKind kind)
    {
        var error = PartyOrganization.Found(Guid.NewGuid(), "x", kind, null, Root(), Community, true, T0).Error;

        Assert.Equal("kind-not-allowed-under-parent", error?.Code);
        Assert.Contains("cannot sit under a SubdistrictCommittee", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_but_the_committee_names_at_least_one_allowed_parent()
    {
        foreach (var kind in Enum.GetValues<OrganizationKind>().Where(k => k != OrganizationKind.SubdistrictCommittee))
        {
            Assert.NotEmpty(OrganizationKindRules.ParentsAllowedFor(kind));
        }

        Assert.Empty(OrganizationKindRules.ParentsAllowedFor(OrganizationKind.SubdistrictCommittee));
    }

    [Fact]
    public void There_is_one_subdistrict_committee()
    {
        var second = PartyOrganization.Found(Guid.NewGuid(), "another", OrganizationKind.SubdistrictCommittee, null, null, null, rootExists: true, T0);

        Assert.Equal("second-subdistrict-committee", second.Error?.Code);
    }

    [Fact]
    public void A_community_level_organization_needs_its_community()
    {
        var error = PartyOrganization.Found(Guid.NewGuid(), "x", OrganizationKind.CommunityBranch, null, Root(), null, true, T0).Error;

        Assert.Equal("community-required", error?.Code);
    }

    [Fact]
    public void A_mass_organization_says_which_one_it_is()
    {
        var root = Root();

        Assert.Equal(
            "mass-type-required",
            PartyOrganization.Found(Guid.NewGuid(), "x", OrganizationKind.MassOrganization, null, root, null, true, T0).Error?.Code
        );
        Assert.Equal(
            MassOrganizationType.YouthLeague,
            Under(root, OrganizationKind.MassOrganization, mass: MassOrganizationType.YouthLeague).MassOrganizationType
        );
    }

    [Fact]
    public void A_move_below_itself_is_a_cycle()
    {
        var root = Root();
        var general = Under(root, OrganizationKind.CommunityGeneralBranch, Community);
        var branch = Under(general, OrganizationKind.CommunityBranch);

        // CommunityBranch may sit under a general branch; moving the general branch below its own child is a cycle.
        var error = general.MoveUnder(branch, [general.Id, root.Id], T0.AddDays(1));

        Assert.Equal("cycle", error?.Code);
        Assert.Equal(root.Id, general.ParentId);
    }

    [Fact]
    public void A_move_keeps_the_history_of_parents()
    {
        var root = Root();
        var first = Under(root, OrganizationKind.CommunityGeneralBranch, Community);
        var second = Under(root, OrganizationKind.CommunityGeneralBranch, Community);
        var compound = Under(first, OrganizationKind.CompoundBranch);
        var moved = T0.AddMonths(2);

        Assert.Null(compound.MoveUnder(second, [root.Id], moved));

        Assert.Equal(second.Id, compound.ParentId);
        Assert.Collection(
            compound.ParentHistory,
            p => Assert.Equal(new ParentPeriod(first.Id, T0, moved), p),
            p => Assert.Equal(new ParentPeriod(second.Id, moved, null), p)
        );
        Assert.Equal(2, compound.Version);
    }

    [Fact]
    public void An_organization_with_children_or_members_cannot_be_dissolved()
    {
        var branch = Under(Root(), OrganizationKind.CommunityBranch, Community);

        Assert.Equal("organization-not-empty", branch.Dissolve(activeChildren: 1, members: 0, T0)?.Code);
        Assert.Equal("organization-not-empty", branch.Dissolve(activeChildren: 0, members: 3, T0)?.Code);
        Assert.Null(branch.Dissolve(0, 0, T0.AddDays(1)));
        Assert.Equal(OrganizationStatus.Dissolved, branch.Status);
        Assert.Equal(T0.AddDays(1), branch.ParentHistory[^1].To);
    }

    [Fact]
    public void Nothing_is_placed_under_a_dissolved_organization()
    {
        var root = Root();
        var branch = Under(root, OrganizationKind.CommunityBranch, Community);
        branch.Dissolve(0, 0, T0);

        var error = PartyOrganization.Found(Guid.NewGuid(), "x", OrganizationKind.CompoundBranch, null, branch, null, true, T0).Error;

        Assert.Equal("parent-dissolved", error?.Code);
    }

    [Fact]
    public void The_committee_can_be_neither_moved_nor_dissolved()
    {
        var root = Root();
        var other = Under(root, OrganizationKind.MemberUnitOrganization);

        Assert.Equal("root-has-no-parent", root.MoveUnder(other, [root.Id], T0)?.Code);
        Assert.Equal("root-cannot-be-dissolved", root.Dissolve(0, 0, T0)?.Code);
    }
}
