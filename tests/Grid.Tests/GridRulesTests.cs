using Platform.Contracts.Organization;
using Platform.Grid.Buildings;
using Platform.Grid.Grids;
using Platform.Grid.People;
using Platform.Grid.Staffing;
using GridEntity = Platform.Grid.Grids.Grid;

namespace Platform.Grid.Tests;

/// <summary>The Grid service's rules, without a server: codes, boundaries, staffing, the assistant quota, addresses.</summary>
public class GridRulesTests
{
    private static readonly Guid Community = Guid.NewGuid();
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static GridEntity Grid(string type = "Urban") =>
        GridEntity
            .Create(Guid.NewGuid(), "632802001001001", GridCodeLayout.Default, Community, "001", new GridDetails("一格", type, null, 1, 1, 50), Now)
            .Value!;

    private static KnownPerson Person(bool cadre = false, Guid? staffOf = null) =>
        KnownPerson.From(
            new PersonChanged
            {
                PersonId = Guid.NewGuid(),
                Name = "某人",
                IsCadre = cadre,
                StaffCommunityId = staffOf,
                Version = 1,
                OccurredAt = Now,
            }
        );

    [Theory]
    [InlineData("632802001002003", null)]
    [InlineData("63280200100200", "15 digits")]
    [InlineData("63280200100200A", "15 digits")]
    [InlineData("000000001002003", "division part of code (digits 1-6)")]
    [InlineData("632802000002003", "subdistrict part of code (digits 7-9)")]
    [InlineData("632802001002000", "sequence part of code (digits 13-15)")]
    public void The_default_layout_is_the_15_digit_unit_grid_code(string code, string? names)
    {
        var error = GridCodeLayout.Default.Check(code);

        if (names is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(names, error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_configured_layout_is_checked_and_the_community_part_must_be_the_communitys_code()
    {
        var layout = GridCodeLayout.Parse("county:4,community:2,sequence:4");

        Assert.Null(layout.Check("6328010007", "01"));
        Assert.Equal("grid-code-community-mismatch", layout.Check("6328020007", "01")!.Code);
        Assert.Contains("10 digits: 4-digit county, 2-digit community, 4-digit sequence", layout.Check("632801")!.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => GridCodeLayout.Parse("division:6,sequence:3"));
    }

    [Theory]
    [InlineData(
        "999999999001631",
        "grid-code-division-mismatch",
        "division part of code (digits 1-6) is 999999, but this subdistrict's division code is 632802"
    )]
    [InlineData(
        "632802002001001",
        "grid-code-subdistrict-mismatch",
        "subdistrict part of code (digits 7-9) is 002, but this subdistrict's subdistrict code is 001"
    )]
    [InlineData("632802001002001", "grid-code-community-mismatch", "community part of code (digits 10-12) is 002")]
    public void A_code_from_another_division_subdistrict_or_community_is_refused_naming_the_part(string code, string expectedCode, string message)
    {
        var layout = GridCodeLayout.Default.WithFixed(new Dictionary<string, string> { ["division"] = "632802", ["subdistrict"] = "001" });

        var error = layout.Check(code, "001");

        Assert.Equal(expectedCode, error!.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(layout.Check("632802001001631", "001"));
        Assert.Throws<InvalidOperationException>(() => GridCodeLayout.Default.WithFixed(new Dictionary<string, string> { ["division"] = "6328" }));
    }

    [Fact]
    public void A_bow_tie_is_refused_as_self_intersecting_and_a_square_is_fine()
    {
        var bowTie = Geo.Factory.CreatePolygon([new(0, 0), new(1, 1), new(1, 0), new(0, 1), new(0, 0)]);
        var square = Geo.Factory.CreatePolygon([new(0, 0), new(0, 1), new(1, 1), new(1, 0), new(0, 0)]);

        Assert.Contains("Self-intersection", Geo.Check(bowTie).Error!.Message, StringComparison.Ordinal);
        Assert.True(Geo.Check(square).IsSuccess);
    }

    [Fact]
    public void The_leader_is_community_staff_of_the_grids_community_and_there_is_only_one()
    {
        var grid = Grid();
        var staff = Person(staffOf: Community);
        var leader = GridPost.TakeUp(grid, staff, GridPostKind.Leader, null, "书记", [], null, DateOnly.FromDateTime(Now.UtcDateTime), Now).Value!;

        Assert.Equal(
            "leader-not-community-staff",
            GridPost.TakeUp(grid, Person(staffOf: Guid.NewGuid()), GridPostKind.Leader, null, "x", [], null, default, Now).Error!.Code
        );
        Assert.Equal(
            "leader-in-post",
            GridPost.TakeUp(grid, Person(staffOf: Community), GridPostKind.Leader, null, "x", [leader], null, default, Now).Error!.Code
        );
        Assert.Equal("already-in-post", GridPost.TakeUp(grid, staff, GridPostKind.Leader, null, "x", [leader], null, default, Now).Error!.Code);
        Assert.Equal("original-duties-required", GridPost.TakeUp(grid, staff, GridPostKind.Leader, null, " ", [], null, default, Now).Error!.Code);
    }

    [Fact]
    public void Assistants_participants_and_instructors_have_their_own_rules()
    {
        var grid = Grid();
        var person = Person();
        var fullTime = TeamMember.Enrol(person.Id, fullTime: true, Now);
        var partTime = TeamMember.Enrol(person.Id, fullTime: false, Now);

        Assert.True(GridPost.TakeUp(grid, person, GridPostKind.Assistant, null, null, [], fullTime, default, Now).IsSuccess);
        Assert.Equal(
            "assistant-not-full-time-team-member",
            GridPost.TakeUp(grid, person, GridPostKind.Assistant, null, null, [], partTime, default, Now).Error!.Code
        );
        Assert.Equal("participant-category-required", GridPost.TakeUp(grid, person, GridPostKind.Participant, null, null, [], null, default, Now).Error!.Code);
        Assert.Equal(
            ParticipantCategory.DeputyOrMember,
            GridPost.TakeUp(grid, person, GridPostKind.Participant, ParticipantCategory.DeputyOrMember, null, [], null, default, Now).Value!.Category
        );
        Assert.Equal("instructor-not-cadre", GridPost.TakeUp(grid, person, GridPostKind.Instructor, null, null, [], null, default, Now).Error!.Code);
        Assert.True(GridPost.TakeUp(grid, Person(cadre: true), GridPostKind.Instructor, null, null, [], null, default, Now).IsSuccess);
    }

    [Fact]
    public void No_one_takes_up_a_post_in_a_retired_grid()
    {
        var grid = Grid();
        grid.Retire(Now);

        Assert.Equal("grid-retired", GridPost.TakeUp(grid, Person(cadre: true), GridPostKind.Instructor, null, null, [], null, default, Now).Error!.Code);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(25, 1)]
    [InlineData(26, 2)]
    [InlineData(75, 3)]
    [InlineData(100, 4)]
    public void The_suggested_number_of_assistants_follows_complexity(int complexity, int suggested)
    {
        Assert.Equal(suggested, AssistantQuota.Default.SuggestedFor(complexity));
    }

    [Theory]
    [InlineData("长江路 １２号（3号楼）", "长江路12号3号楼")]
    [InlineData("Room 5, Block B", "room5blockb")]
    public void Addresses_compare_without_spaces_punctuation_or_full_width_digits(string typed, string key)
    {
        Assert.Equal(key, Building.NormalizeAddress(typed));
    }
}
