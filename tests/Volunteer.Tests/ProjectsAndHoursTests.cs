using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.BuildingBlocks.Api;
using Platform.Contracts.Organization;
using Platform.Contracts.Volunteer;
using Platform.Testing;
using Platform.Volunteer.Activities;
using Platform.Volunteer.Hours;
using Platform.Volunteer.Projects;

namespace Platform.Volunteer.Tests;

public class ProjectsAndHoursTests(VolunteerServiceFactory service) : VolunteerApiTest(service)
{
    [Fact]
    public async Task A_project_goes_from_draft_to_evaluated_with_a_member_units_claim_confirmed_on_the_way()
    {
        await using var events = await PublishedEvents.ListenAsync<ProjectClaimed>(Service.Servers.RabbitMq);
        var unit = await KnowUnitAsync("德令哈供电公司");
        var liaison = Service.ClientAs(new TestCaller([Roles.UnitLiaison]) { Units = [unit] });
        var draft = await ProjectAsync(publish: false);

        await (await liaison.PostAsJsonAsync($"/api/volunteer/projects/{draft.Id}/claims", new ClaimRequest(null))).AssertProblemAsync(
            HttpStatusCode.NotFound,
            "project-not-found"
        );
        var published = (await (await Client.PostAsync($"/api/volunteer/projects/{draft.Id}/publish", null)).Content.ReadFromJsonAsync<ProjectResponse>())!;
        var claimed = await liaison.PostAsJsonAsync($"/api/volunteer/projects/{draft.Id}/claims", new ClaimRequest(null));
        await (await liaison.PostAsJsonAsync($"/api/volunteer/projects/{draft.Id}/claims", new ClaimRequest(null))).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "already-claimed"
        );
        var confirmed = (
            await (await Client.PostAsync($"/api/volunteer/projects/{draft.Id}/claims/{unit}/confirm", null)).Content.ReadFromJsonAsync<ProjectResponse>()
        )!;
        await (await Client.PostAsync($"/api/volunteer/projects/{draft.Id}/complete", null)).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "invalid-project-transition"
        );
        await Client.PostAsync($"/api/volunteer/projects/{draft.Id}/start", null);
        await Client.PostAsync($"/api/volunteer/projects/{draft.Id}/complete", null);
        var evaluated = await Client.PostAsJsonAsync(
            $"/api/volunteer/projects/{draft.Id}/evaluation",
            new EvaluationRequest([new UnitEvaluation(unit, 5, "按月探访，效果好")])
        );

        Assert.Equal(("Draft", "Published"), (draft.Status, published.Status));
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal("Claimed", confirmed.Status);
        Assert.Contains(
            "\"status\":\"Confirmed\"",
            await (await Client.GetAsync($"/api/volunteer/projects/{draft.Id}")).Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal("Evaluated", (await evaluated.Content.ReadFromJsonAsync<ProjectResponse>())!.Status);
        var message = (await events.NextAsync(m => m.GetProperty("projectId").GetGuid() == draft.Id)).GetProperty("message");
        Assert.Equal(unit, message.GetProperty("unitId").GetGuid());
        var mine = await liaison.GetFromJsonAsync<Page<ProjectResponse>>("/api/volunteer/projects?claimedBy=me");
        Assert.Equal([draft.Id], mine!.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task A_unit_not_in_the_alliance_cannot_claim_and_a_liaison_claims_only_for_their_own_unit()
    {
        var project = await ProjectAsync();
        var stranger = Guid.NewGuid();
        var known = await KnowUnitAsync("河西中学");

        await (
            await Service
                .ClientAs(new TestCaller([Roles.UnitLiaison]) { Units = [stranger] })
                .PostAsJsonAsync($"/api/volunteer/projects/{project.Id}/claims", new ClaimRequest(null))
        ).AssertProblemAsync(HttpStatusCode.Conflict, "unit-not-in-alliance");
        await (
            await Service
                .ClientAs(new TestCaller([Roles.UnitLiaison]) { Units = [stranger] })
                .PostAsJsonAsync($"/api/volunteer/projects/{project.Id}/claims", new ClaimRequest(known))
        ).AssertProblemAsync(HttpStatusCode.Forbidden, "out-of-scope");
        await (
            await Client.PostAsJsonAsync(
                "/api/volunteer/projects",
                new ProjectRequest("x", "助老", Community, null, "y", new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), 1)
            )
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-period");
    }

    [Fact]
    public async Task Hours_come_from_check_in_and_out_are_approved_once_corrected_with_a_reason_and_certified()
    {
        await using var events = await PublishedEvents.ListenAsync<ServiceHoursApproved>(Service.Servers.RabbitMq);
        var activity = await ActivityAsync(start: DateTimeOffset.UtcNow.AddMinutes(-90));
        var (client, volunteer) = await VolunteerAsync("周敏");
        var seat = (await (await SignUpAsync(client, activity)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        await client.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest(activity.CheckInCode, null, null));
        await client.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-out", new CheckRequest(activity.CheckInCode, null, null));
        var record = Assert.Single((await client.GetFromJsonAsync<Page<HoursResponse>>("/api/volunteer/hours"))!.Items);

        var approved = await Client.PostAsync($"/api/volunteer/hours/{record.Id}/approve", null);
        var twice = await Client.PostAsync($"/api/volunteer/hours/{record.Id}/approve", null);
        var noReason = await Client.PostAsJsonAsync($"/api/volunteer/hours/{record.Id}/correct", new CorrectHoursRequest(2, " "));
        var corrected = (
            await (
                await Client.PostAsJsonAsync($"/api/volunteer/hours/{record.Id}/correct", new CorrectHoursRequest(2, "签退漏记，按签到表更正"))
            ).Content.ReadFromJsonAsync<HoursResponse>()
        )!;
        var certificate = await client.PostAsJsonAsync(
            $"/api/volunteer/volunteers/{volunteer.Id}/certificates",
            new CertificateRequest(SubdistrictClock.Today.AddDays(-1), SubdistrictClock.Today)
        );

        Assert.Equal(("Pending", 0m), (record.Status, record.Hours));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        await twice.AssertProblemAsync(HttpStatusCode.Conflict, "hours-already-approved");
        await noReason.AssertProblemAsync(HttpStatusCode.BadRequest, "reason-required");
        Assert.Equal((2m, "签退漏记，按签到表更正", 0m), (corrected.Hours, corrected.Corrections.Single().Reason, corrected.Corrections.Single().From));
        Assert.Equal(HttpStatusCode.Created, certificate.StatusCode);
        var issued = (await certificate.Content.ReadFromJsonAsync<CertificateResponse>())!;
        Assert.Matches("^HXC-[0-9]{4}-[0-9]{6}$", issued.Number);
        Assert.Equal(
            (volunteer.Number, "周敏", 2m, "河西街道新时代文明实践所"),
            (issued.VolunteerNumber, issued.VolunteerName, issued.TotalHours, issued.IssuedBy)
        );
        Assert.Equal("社区敬老院探访", issued.Lines.Single().Activity);
        Assert.Equal(issued.Number, (await Client.GetFromJsonAsync<CertificateResponse>($"/api/volunteer/certificates/{issued.Number}"))!.Number);
        // Decimals travel as JSON strings (MassTransit keeps their precision that way).
        static decimal Hours(System.Text.Json.JsonElement e) =>
            decimal.Parse(e.GetProperty("message").GetProperty("hours").ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var figures = new List<decimal>
        {
            Hours(await events.NextAsync(m => m.GetProperty("recordId").GetGuid() == record.Id)),
            Hours(await events.NextAsync(m => m.GetProperty("recordId").GetGuid() == record.Id)),
        };
        // Approved and corrected moments apart, the two may leave in one round of the relay in either order (the
        // consumers keep the newer by its time).
        Assert.Equal([0m, 2m], figures.Order());
    }

    [Fact]
    public async Task One_sign_up_yields_one_hours_record_and_auto_approval_needs_no_organizer()
    {
        var activity = await ActivityAsync(start: DateTimeOffset.UtcNow.AddMinutes(-20), autoApprove: true);
        var (client, _) = await VolunteerAsync("吴强");
        var seat = (await (await SignUpAsync(client, activity)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        await client.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest(activity.CheckInCode, null, null));

        var outOnce = await client.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-out", new CheckRequest(activity.CheckInCode, null, null));
        var outTwice = await client.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-out", new CheckRequest(activity.CheckInCode, null, null));

        Assert.Equal(HttpStatusCode.OK, outOnce.StatusCode);
        await outTwice.AssertProblemAsync(HttpStatusCode.Conflict, "already-checked-out");
        var record = Assert.Single((await Client.GetFromJsonAsync<Page<HoursResponse>>("/api/volunteer/hours"))!.Items);
        Assert.Equal(("Approved", "auto-approved"), (record.Status, record.ApprovedBy));
    }

    [Fact]
    public async Task Closing_an_activity_records_no_shows_and_publishes_ActivityCompleted()
    {
        await using var events = await PublishedEvents.ListenAsync<ActivityCompleted>(Service.Servers.RabbitMq);
        var activity = await ActivityAsync(start: DateTimeOffset.UtcNow.AddMinutes(-20), capacity: 3);
        var (present, _) = await VolunteerAsync("到场");
        var (absent, _) = await VolunteerAsync("缺席");
        var seat = (await (await SignUpAsync(present, activity)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        await SignUpAsync(absent, activity);
        await present.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest(activity.CheckInCode, null, null));

        var closed = await Client.PostAsync($"/api/volunteer/activities/{activity.Id}/complete", null);

        Assert.Equal("Completed", (await closed.Content.ReadFromJsonAsync<ActivityResponse>())!.Status);
        var roster = await Client.GetFromJsonAsync<List<SignUpResponse>>($"/api/volunteer/activities/{activity.Id}/sign-ups");
        Assert.Equal(["Confirmed", "NoShow"], roster!.OrderBy(r => r.Id).Select(r => r.Status));
        var message = (await events.NextAsync(m => m.GetProperty("activityId").GetGuid() == activity.Id)).GetProperty("message");
        Assert.Equal((1, 1), (message.GetProperty("attended").GetInt32(), message.GetProperty("noShows").GetInt32()));
        await (await Client.PostAsync($"/api/volunteer/activities/{activity.Id}/complete", null)).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "activity-closed"
        );
    }

    [Fact]
    public async Task Member_units_arrive_from_the_Organization_service_and_then_may_claim()
    {
        var unit = Guid.NewGuid();
        var joined = new MemberUnitJoined
        {
            UnitId = unit,
            Name = "河西商贸城",
            JoinedOn = new DateOnly(2026, 3, 1),
            OccurredAt = DateTimeOffset.UtcNow,
        };
        var bus = Service.Services.GetRequiredService<IBus>();

        await bus.Publish(joined);
        await bus.Publish(joined);

        await Eventually.TrueAsync(async () => await Service.ScalarAsync<long>("SELECT count(*) FROM known_units WHERE id = $1", unit) == 1, "the unit known");
        var project = await ProjectAsync();
        var claimed = await Service
            .ClientAs(new TestCaller([Roles.UnitLiaison]) { Units = [unit] })
            .PostAsJsonAsync($"/api/volunteer/projects/{project.Id}/claims", new ClaimRequest(null));
        Assert.Equal(HttpStatusCode.OK, claimed.StatusCode);
        Assert.Equal(1L, await Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages"));
    }

    [Fact]
    public async Task An_organizer_records_hours_for_a_volunteer_who_served_without_the_app_saying_who_and_why()
    {
        var activity = await ActivityAsync(start: DateTimeOffset.UtcNow.AddHours(-5));
        var (client, volunteer) = await VolunteerAsync("王大爷");
        var organizer = Service.ClientAs(new TestCaller([Roles.CommunityStaff]) { Name = "社区王丽", Communities = [Community] });
        var elsewhere = Service.ClientAs(new TestCaller([Roles.CommunityStaff]) { Name = "别的社区", Communities = [Guid.NewGuid()] });
        var servedOn = SubdistrictClock.Today;

        var recorded = await organizer.PostAsJsonAsync(
            "/api/volunteer/hours",
            new RecordHoursRequest(volunteer.Id, activity.Id, servedOn, 2.5m, "老人不用手机，按签到表补录")
        );
        var twice = await organizer.PostAsJsonAsync("/api/volunteer/hours", new RecordHoursRequest(volunteer.Id, activity.Id, servedOn, 1m, "again"));
        var noNote = await organizer.PostAsJsonAsync("/api/volunteer/hours", new RecordHoursRequest(volunteer.Id, activity.Id, servedOn.AddDays(-1), 1m, " "));
        var oddHours = await organizer.PostAsJsonAsync(
            "/api/volunteer/hours",
            new RecordHoursRequest(volunteer.Id, activity.Id, servedOn.AddDays(-1), 0.3m, "x")
        );
        var notTheirs = await elsewhere.PostAsJsonAsync(
            "/api/volunteer/hours",
            new RecordHoursRequest(volunteer.Id, activity.Id, servedOn.AddDays(-2), 1m, "x")
        );

        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var record = (await recorded.Content.ReadFromJsonAsync<HoursResponse>())!;
        Assert.Equal((2.5m, "Pending", "社区王丽", "老人不用手机，按签到表补录"), (record.Hours, record.Status, record.RecordedBy, record.RecordNote));
        Assert.Equal(record.Id, Assert.Single((await client.GetFromJsonAsync<Page<HoursResponse>>("/api/volunteer/hours"))!.Items).Id);
        await twice.AssertProblemAsync(HttpStatusCode.Conflict, "hours-already-recorded");
        await noNote.AssertProblemAsync(HttpStatusCode.BadRequest, "note-required");
        await oddHours.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-hours");
        await notTheirs.AssertProblemAsync(HttpStatusCode.BadRequest, "unknown-activity");
    }
}
