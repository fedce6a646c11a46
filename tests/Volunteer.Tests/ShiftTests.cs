using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Testing;
using Platform.Volunteer.Activities;
using Platform.Volunteer.Hours;

namespace Platform.Volunteer.Tests;

public class ShiftTests(VolunteerServiceFactory service) : VolunteerApiTest(service)
{
    [Fact]
    public async Task The_last_seat_goes_to_exactly_one_of_many_simultaneous_sign_ups()
    {
        var activity = await ActivityAsync(capacity: 1, waitlist: false);
        var volunteers = new List<HttpClient>();
        for (var i = 0; i < 8; i++)
        {
            volunteers.Add((await VolunteerAsync($"志愿者{i}")).Client);
        }

        var responses = await Task.WhenAll(volunteers.Select(v => SignUpAsync(v, activity)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await refused.AssertProblemAsync(HttpStatusCode.Conflict, "shift-full");
        }

        Assert.Equal(1L, await Service.ScalarAsync<long>("SELECT count(*) FROM sign_ups WHERE status = 'Confirmed'"));
    }

    [Fact]
    public async Task A_full_shift_waitlists_and_a_cancellation_promotes_the_first_in_line()
    {
        var activity = await ActivityAsync(capacity: 1, waitlist: true);
        var (first, _) = await VolunteerAsync("甲");
        var (second, _) = await VolunteerAsync("乙");
        var (third, _) = await VolunteerAsync("丙");

        var seat = (await (await SignUpAsync(first, activity)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        var waiting = (await (await SignUpAsync(second, activity)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        var later = (await (await SignUpAsync(third, activity)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        await first.PostAsync($"/api/volunteer/sign-ups/{seat.Id}/cancel", null);

        Assert.Equal(("Confirmed", "Waitlisted", "Waitlisted"), (seat.Status, waiting.Status, later.Status));
        var roster = await Client.GetFromJsonAsync<List<SignUpResponse>>($"/api/volunteer/activities/{activity.Id}/sign-ups");
        Assert.Equal(["Cancelled", "Confirmed", "Waitlisted"], roster!.OrderBy(r => r.Id).Select(r => r.Status));
        Assert.Equal("Confirmed", roster!.Single(r => r.Id == waiting.Id).Status);
        var shift = (await Client.GetFromJsonAsync<ActivityResponse>($"/api/volunteer/activities/{activity.Id}"))!.Shifts[0];
        Assert.Equal((1, 1), (shift.Confirmed, shift.Waitlisted));
    }

    [Fact]
    public async Task A_volunteer_is_never_in_two_overlapping_shifts()
    {
        var start = DateTimeOffset.UtcNow.AddHours(1);
        var morning = await ActivityAsync(start: start);
        var overlapping = await ActivityAsync(start: start.AddHours(1));
        var later = await ActivityAsync(start: start.AddHours(5));
        var (volunteer, _) = await VolunteerAsync("甲");

        Assert.Equal(HttpStatusCode.Created, (await SignUpAsync(volunteer, morning)).StatusCode);
        await (await SignUpAsync(volunteer, morning)).AssertProblemAsync(HttpStatusCode.Conflict, "already-signed-up");
        await (await SignUpAsync(volunteer, overlapping)).AssertProblemAsync(HttpStatusCode.Conflict, "double-booked");
        Assert.Equal(HttpStatusCode.Created, (await SignUpAsync(volunteer, later)).StatusCode);
    }

    [Fact]
    public async Task Sign_up_needs_a_volunteer_record_and_the_activitys_skills()
    {
        var activity = await ActivityAsync(skills: ["急救"]);
        var stranger = Service.ClientAs(TestCaller.In(Roles.Resident));
        var (unskilled, _) = await VolunteerAsync("甲", "烹饪");
        var (skilled, _) = await VolunteerAsync("乙", "急救");

        await (await SignUpAsync(stranger, activity)).AssertProblemAsync(HttpStatusCode.Conflict, "not-a-volunteer");
        await (await SignUpAsync(unskilled, activity)).AssertProblemAsync(HttpStatusCode.Conflict, "skills-missing");
        Assert.Equal(HttpStatusCode.Created, (await SignUpAsync(skilled, activity)).StatusCode);
    }

    [Fact]
    public async Task Check_in_by_the_venue_code_or_within_the_radius_and_only_in_the_window()
    {
        var now = await ActivityAsync(start: DateTimeOffset.UtcNow.AddMinutes(-30));
        var tomorrow = await ActivityAsync(start: DateTimeOffset.UtcNow.AddDays(1));
        var (volunteer, _) = await VolunteerAsync("甲");
        var (other, _) = await VolunteerAsync("乙");
        var seat = (await (await SignUpAsync(volunteer, now)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        var otherSeat = (await (await SignUpAsync(other, now)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        var early = (await (await SignUpAsync(volunteer, tomorrow)).Content.ReadFromJsonAsync<SignUpResponse>())!;

        await (await volunteer.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest("000000", null, null))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "wrong-check-in-code"
        );
        await (await volunteer.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest(null, 37.40, 97.345))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "outside-radius"
        );
        await (
            await volunteer.PostAsJsonAsync($"/api/volunteer/sign-ups/{early.Id}/check-in", new CheckRequest(tomorrow.CheckInCode, null, null))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "outside-check-in-window");
        await (
            await volunteer.PostAsJsonAsync($"/api/volunteer/sign-ups/{otherSeat.Id}/check-in", new CheckRequest(now.CheckInCode, null, null))
        ).AssertProblemAsync(HttpStatusCode.NotFound, "sign-up-not-found");
        var byLocation = await volunteer.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest(null, 37.3852, 97.3451));
        var byCode = await other.PostAsJsonAsync($"/api/volunteer/sign-ups/{otherSeat.Id}/check-in", new CheckRequest(now.CheckInCode, null, null));

        Assert.Equal(HttpStatusCode.OK, byLocation.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
        await (
            await volunteer.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest(now.CheckInCode, null, null))
        ).AssertProblemAsync(HttpStatusCode.Conflict, "already-checked-in");
        Assert.Null((await volunteer.GetFromJsonAsync<ActivityResponse>($"/api/volunteer/activities/{now.Id}"))!.CheckInCode);
    }

    [Fact]
    public async Task A_sign_up_and_a_check_in_sent_again_from_a_phones_outbox_are_taken_once()
    {
        var now = await ActivityAsync(start: DateTimeOffset.UtcNow.AddMinutes(-30));
        var (volunteer, _) = await VolunteerAsync("甲");
        var path = $"/api/volunteer/activities/{now.Id}/shifts/{now.Shifts[0].Id}/sign-ups";
        var signUpKey = Guid.NewGuid().ToString();

        var first = await volunteer.PostWithKeyAsync(path, null, signUpKey);
        var again = await volunteer.PostWithKeyAsync(path, null, signUpKey);
        var seat = (await first.Content.ReadFromJsonAsync<SignUpResponse>())!;
        var checkIn = new CheckRequest(null, 37.3852, 97.3451);
        var checkInKey = Guid.NewGuid().ToString();
        var checkedIn = await volunteer.PostWithKeyAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", checkIn, checkInKey);
        var checkedInAgain = await volunteer.PostWithKeyAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", checkIn, checkInKey);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, again.StatusCode));
        Assert.Equal(seat.Id, (await again.Content.ReadFromJsonAsync<SignUpResponse>())!.Id);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, true), (checkedIn.StatusCode, checkedInAgain.StatusCode, checkedInAgain.IsReplayed()));
        Assert.Equal(1, await Service.ScalarAsync<long>("SELECT count(*) FROM sign_ups WHERE activity_id = $1", now.Id));
        // Without the key the same sign-up is refused by the rules, as before.
        await (await SignUpAsync(volunteer, now)).AssertProblemAsync(HttpStatusCode.Conflict, "already-signed-up");
        // The kept answer is encrypted at rest: the check-in's answer is not readable in the table.
        Assert.Equal(2, await Service.ScalarAsync<long>("SELECT count(*) FROM idempotent_requests WHERE key IN ($1, $2)", signUpKey, checkInKey));
        Assert.Equal(
            0,
            await Service.ScalarAsync<long>("SELECT count(*) FROM idempotent_requests WHERE position(convert_to($1, 'UTF8') IN body) > 0", seat.Id.ToString())
        );
    }

    [Fact]
    public async Task Checking_out_before_the_shift_starts_is_refused_with_the_reason_and_no_hours_are_recorded()
    {
        var activity = await ActivityAsync(start: DateTimeOffset.UtcNow.AddMinutes(20));
        var (client, _) = await VolunteerAsync("周敏");
        var seat = (await (await SignUpAsync(client, activity)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest(activity.CheckInCode, null, null))).StatusCode
        );

        var early = await client.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-out", new CheckRequest(activity.CheckInCode, null, null));

        var problem = await early.AssertProblemAsync(HttpStatusCode.Conflict, "shift-not-started");
        Assert.Contains("cancel", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Empty((await client.GetFromJsonAsync<Page<HoursResponse>>("/api/volunteer/hours"))!.Items);
    }

    [Fact]
    public async Task An_activity_is_drafted_seen_only_by_those_who_run_it_then_published_for_sign_ups()
    {
        var start = DateTimeOffset.UtcNow.AddHours(2);
        var request = new ActivityRequest(
            null,
            Community,
            "社区清洁日",
            "长江路",
            37.385,
            97.345,
            100,
            null,
            true,
            false,
            [new ShiftRequest(start, start.AddHours(2), 3)]
        );
        var draft = (await (await Client.PostAsJsonAsync("/api/volunteer/activities", request)).Content.ReadFromJsonAsync<ActivityResponse>())!;
        var (client, _) = await VolunteerAsync("周敏");
        var staff = Service.ClientAs(new TestCaller([Roles.CommunityStaff]) { Communities = [Community] });

        var tooEarly = await SignUpAsync(client, draft);
        var unseen = await client.GetAsync($"/api/volunteer/activities/{draft.Id}");
        var listedForVolunteer = (await client.GetFromJsonAsync<Page<ActivityResponse>>("/api/volunteer/activities"))!.Items;
        var listedForStaff = (await staff.GetFromJsonAsync<Page<ActivityResponse>>("/api/volunteer/activities"))!.Items;
        var published = await staff.PostAsync($"/api/volunteer/activities/{draft.Id}/publish", null);
        var twice = await staff.PostAsync($"/api/volunteer/activities/{draft.Id}/publish", null);
        var signedUp = await SignUpAsync(client, draft);

        Assert.Equal("Draft", draft.Status);
        await tooEarly.AssertProblemAsync(HttpStatusCode.Conflict, "activity-not-published");
        Assert.Equal(HttpStatusCode.NotFound, unseen.StatusCode);
        Assert.DoesNotContain(listedForVolunteer, a => a.Id == draft.Id);
        Assert.Contains(listedForStaff, a => a.Id == draft.Id);
        Assert.Equal("Open", (await published.Content.ReadFromJsonAsync<ActivityResponse>())!.Status);
        await twice.AssertProblemAsync(HttpStatusCode.Conflict, "activity-not-draft");
        Assert.Equal(HttpStatusCode.Created, signedUp.StatusCode);
    }
}
