using System.Net;
using System.Net.Http.Json;
using Platform.BuildingBlocks.Api;
using Platform.Testing;
using Platform.Volunteer.Activities;
using Platform.Volunteer.Hours;

namespace Platform.Volunteer.Tests;

/// <summary>Days are the subdistrict's (UTC+8): at 00:30 local time on 1 December, nothing falls on 30 November.</summary>
[Collection(VolunteerAtLocalMidnightCollection.Name)]
public class LocalDayTests(VolunteerAtLocalMidnightFactory service) : VolunteerApiTest(service)
{
    [Fact]
    public async Task A_shift_just_after_local_midnight_is_served_on_that_local_day_and_its_certificate_is_issued_that_day()
    {
        var clock = service.Fake;
        var start = SubdistrictClock.HalfPastMidnightOnTheFirst.AddMinutes(5);
        var activity = await ActivityAsync(start: start);
        var (client, volunteer) = await VolunteerAsync("周敏");
        var seat = (await (await SignUpAsync(client, activity)).Content.ReadFromJsonAsync<SignUpResponse>())!;
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-in", new CheckRequest(activity.CheckInCode, null, null))).StatusCode
        );
        clock.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(
            HttpStatusCode.OK,
            (await client.PostAsJsonAsync($"/api/volunteer/sign-ups/{seat.Id}/check-out", new CheckRequest(activity.CheckInCode, null, null))).StatusCode
        );
        var record = Assert.Single((await client.GetFromJsonAsync<Page<HoursResponse>>("/api/volunteer/hours"))!.Items);
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync($"/api/volunteer/hours/{record.Id}/approve", null)).StatusCode);

        var certificate = await client.PostAsJsonAsync(
            $"/api/volunteer/volunteers/{volunteer.Id}/certificates",
            new CertificateRequest(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 1))
        );

        Assert.Equal(new DateOnly(2026, 12, 1), record.ServedOn);
        Assert.Equal(HttpStatusCode.Created, certificate.StatusCode);
        var issued = (await certificate.Content.ReadFromJsonAsync<CertificateResponse>())!;
        Assert.Equal((new DateOnly(2026, 12, 1), 1.5m), (issued.IssuedOn, issued.TotalHours));
    }

    [Fact]
    public async Task The_same_shift_start_written_in_three_offsets_is_one_instant_answered_in_utc()
    {
        var forms = new[] { "2026-12-02T09:00:00+08:00", "2026-12-01T20:00:00-05:00", "2026-12-02T01:00:00Z" };
        var answers = new List<string>();
        foreach (var form in forms)
        {
            var body = $$"""
                {"communityId":"{{Community}}","title":"社区敬老院探访","place":"长江路敬老院","latitude":37.385,"longitude":97.345,"radiusMeters":100,
                 "allowWaitlist":false,"autoApproveHours":false,"shifts":[{"startsAt":"{{form}}","endsAt":"2026-12-02T03:00:00Z","capacity":2}]}
                """;
            var response = await Client.PostAsync("/api/volunteer/activities", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            var created = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            answers.Add(created.GetProperty("shifts")[0].GetProperty("startsAt").GetString()!);
        }

        Assert.All(answers, a => Assert.Equal("2026-12-02T01:00:00Z", a));
    }
}
