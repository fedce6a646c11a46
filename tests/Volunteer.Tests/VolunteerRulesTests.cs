using Platform.Volunteer.Activities;
using Platform.Volunteer.Projects;
using Platform.Volunteer.Wishes;

namespace Platform.Volunteer.Tests;

/// <summary>The Volunteer service's rules without a server: seats and waitlists, check-in proof, hours, the project lifecycle, wishes.</summary>
public class VolunteerRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A published activity (a draft takes no sign-ups).</summary>
    private static Activity Activity(bool waitlist = false)
    {
        var activity = Activities.Activity.Plan(null, null, "探访", "敬老院", 37.385, 97.345, 100, [], waitlist, false, Start.AddDays(-1)).Value!;
        Assert.Null(activity.Publish());
        return activity;
    }

    [Fact]
    public void The_last_seat_is_confirmed_then_the_shift_is_full_or_waitlists()
    {
        var activity = Activity();
        var shift = Shift.Of(activity.Id, Start, Start.AddHours(2), 2).Value!;

        Assert.Equal(SignUpStatus.Confirmed, SignUp.Take(shift, activity, Guid.NewGuid(), 1, [], true, Start.AddDays(-1)).Value!.Status);
        Assert.Equal("shift-full", SignUp.Take(shift, activity, Guid.NewGuid(), 2, [], true, Start.AddDays(-1)).Error!.Code);
        Assert.Equal(SignUpStatus.Waitlisted, SignUp.Take(shift, Activity(waitlist: true), Guid.NewGuid(), 2, [], true, Start.AddDays(-1)).Value!.Status);
        Assert.Equal("shift-closed", SignUp.Take(shift, activity, Guid.NewGuid(), 0, [], true, Start.AddHours(3)).Error!.Code);
    }

    [Fact]
    public void Check_in_needs_the_code_or_a_position_within_the_radius_inside_the_window()
    {
        var activity = Activity();
        var shift = Shift.Of(activity.Id, Start, Start.AddHours(2), 2).Value!;
        SignUp Seat() => SignUp.Take(shift, activity, Guid.NewGuid(), 0, [], true, Start.AddDays(-1)).Value!;

        Assert.Equal("outside-check-in-window", Seat().CheckIn(activity, activity.CheckInCode, null, null, Start.AddMinutes(-31))!.Code);
        Assert.Equal("check-in-proof-required", Seat().CheckIn(activity, null, null, null, Start)!.Code);
        Assert.Equal("outside-radius", Seat().CheckIn(activity, null, 37.387, 97.345, Start)!.Code);
        Assert.Null(Seat().CheckIn(activity, null, 37.3855, 97.345, Start));
        Assert.Null(Seat().CheckIn(activity, activity.CheckInCode, null, null, Start.AddMinutes(-30)));
        Assert.InRange(activity.DistanceTo(37.387, 97.345)!.Value, 221, 224);
    }

    [Theory]
    [InlineData(-20, 150, 2.0)]
    [InlineData(10, 100, 1.5)]
    [InlineData(0, 44, 0.5)]
    [InlineData(5, 14, 0.0)]
    public void Hours_are_the_time_inside_the_shift_in_whole_quarter_hours(int inMinutes, int outMinutes, decimal hours)
    {
        var activity = Activity();
        var shift = Shift.Of(activity.Id, Start, Start.AddHours(2), 2).Value!;
        var seat = SignUp.Take(shift, activity, Guid.NewGuid(), 0, [], true, Start.AddDays(-1)).Value!;

        Assert.Equal(hours, seat.HoursServed(Start.AddMinutes(inMinutes), Start.AddMinutes(outMinutes)));
    }

    [Fact]
    public void A_project_is_claimed_when_enough_units_are_confirmed_and_moves_only_forward()
    {
        var project = Project.Draft("助老", "助老", null, null, "探访", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 2, Start).Value!;
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.Equal("project-not-open", project.Claim(a, "A", Start)!.Code);
        project.Publish(Start);
        project.Claim(a, "A", Start);
        project.Claim(b, "B", Start);
        project.Claim(c, "C", Start);
        project.Decide(a, true, null, Start);
        Assert.Equal(ProjectStatus.Published, project.Status);
        Assert.NotNull(project.Decide(b, true, null, Start).Value);
        Assert.Equal(ProjectStatus.Claimed, project.Status);
        Assert.Equal("units-enough", project.Decide(c, true, null, Start).Error!.Code);
        Assert.Equal("invalid-project-transition", project.Complete(Start)!.Code);
        Assert.Equal("project-not-completed", project.Evaluate([], Start)!.Code);
    }

    [Fact]
    public void A_wish_is_confirmed_only_by_its_resident_after_it_is_fulfilled()
    {
        var wish = Wish.Post("resident", null, "收音机", null, Start).Value!;

        Assert.Equal("own-wish", wish.Claim("resident", null, null, Start)!.Code);
        wish.Claim("member", Guid.NewGuid(), null, Start);
        Assert.Equal("wish-not-fulfilled", wish.Confirm("resident", Start).Error!.Code);
        wish.Fulfil("member", null, Start);
        Assert.Equal("out-of-scope", wish.Confirm("member", Start).Error!.Code);
        Assert.True(wish.Confirm("resident", Start).IsSuccess);
    }
}
