using System.Net;
using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Grid;
using Platform.Contracts.Volunteer;
using Platform.Contracts.Workflow;
using Platform.Organization.Activities;
using Platform.Organization.Communities;
using Platform.Organization.Indices;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.People;
using Platform.Organization.Posts;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>
/// The three indices live: events over the real broker, the service's own records and items entered by hand go
/// into the ledger; the refresher keeps the live scores; a recompute from the stored inputs gives exactly the
/// same figures; publication freezes a period; each caller sees what their scope allows.
/// </summary>
public class IndicesLiveTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private const string Indices = "/api/organization/indices";

    private IBus Bus => Service.Services.GetRequiredService<IBus>();

    private async Task<T> PostAsync<T>(string url, object body)
    {
        var response = await Client.PostAsJsonAsync(url, body);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private async Task<(Guid Community, Guid Branch, Guid Unit, Guid Other)> TreeAsync()
    {
        var community = (await PostAsync<CommunityResponse>("/api/organization/communities", new CreateCommunityRequest("007", "黄河路社区"))).Id;
        var root = (
            await PostAsync<OrganizationResponse>(
                "/api/organization/organizations",
                new FoundOrganizationRequest("工委", "SubdistrictCommittee", null, null, null)
            )
        ).Id;
        var branch = (
            await PostAsync<OrganizationResponse>(
                "/api/organization/organizations",
                new FoundOrganizationRequest("黄河路党支部", "CommunityBranch", null, root, community)
            )
        ).Id;
        var unit = (
            await PostAsync<OrganizationResponse>(
                "/api/organization/organizations",
                new FoundOrganizationRequest("供电公司党委", "MemberUnitOrganization", null, root, null)
            )
        ).Id;
        var other = (
            await PostAsync<OrganizationResponse>(
                "/api/organization/organizations",
                new FoundOrganizationRequest("物流协会党支部", "NewEconomicSocialOrganization", null, root, null)
            )
        ).Id;
        return (community, branch, unit, other);
    }

    private async Task<Guid> MemberAsync(Guid organization, string name) =>
        (
            await PostAsync<PersonResponse>(
                "/api/organization/people",
                new RegisterPersonRequest(name, null, null, null, new MembershipInput(organization, "Resident", null), false, null)
            )
        ).Id;

    private Task SettledAsync() =>
        Eventually.TrueAsync(
            async () => await Service.ScalarAsync<long>("SELECT count(*) FROM index_inputs WHERE NOT scored") == 0,
            "the live scores refreshed"
        );

    private Task<long> InboxAsync() => Service.ScalarAsync<long>("SELECT count(*) FROM inbox_messages")!;

    private static DateTimeOffset Oct(int day, int hour = 4) => new(2026, 10, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>Every live score as text, for comparing before and after a recompute.</summary>
    private async Task<List<string>> ScoresAsync()
    {
        var rows = new List<string>();
        await using var connection = new Npgsql.NpgsqlConnection(Service.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT index, period, subject_id, total, grade, rubric_version, inputs FROM index_scores ORDER BY 1, 2, 3",
            connection
        );
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(
                $"{reader.GetString(0)} {reader.GetString(1)} {reader.GetGuid(2)} {reader.GetDecimal(3)} "
                    + $"{(reader.IsDBNull(4) ? "-" : reader.GetString(4))} v{reader.GetInt32(5)} n{reader.GetInt32(6)}"
            );
        }

        return rows;
    }

    [Fact]
    public async Task Events_own_records_and_manual_items_move_the_live_scores_and_a_recompute_gives_exactly_the_same()
    {
        var (community, branch, unit, other) = await TreeAsync();
        var (a, b, c) = (await MemberAsync(branch, "赵一"), await MemberAsync(branch, "钱二"), await MemberAsync(unit, "孙三"));
        var before = await InboxAsync();

        // Volunteer, Workflow and Grid events, across September, October and November, one delivered twice.
        var hours = new ServiceHoursApproved
        {
            RecordId = Guid.NewGuid(),
            VolunteerId = Guid.NewGuid(),
            PersonId = a,
            ActivityId = Guid.NewGuid(),
            Hours = 5,
            ServedOn = new DateOnly(2026, 10, 3),
            OccurredAt = Oct(3),
        };
        CaseClosed Closed(Guid? handler, bool onTime, string? rating, DateTimeOffset at) =>
            new()
            {
                CaseId = Guid.NewGuid(),
                Number = "2026-0001",
                Category = "garbage",
                Channel = "Resident",
                Priority = "Normal",
                CommunityId = community,
                ReportedAt = at.AddDays(-2),
                ClosedAt = at,
                HandledByPersonId = handler,
                OnTime = onTime,
                Rating = rating,
                OccurredAt = at,
            };
        await Bus.Publish(hours);
        await Bus.Publish(hours);
        await Bus.Publish(Closed(a, true, "Satisfied", Oct(8)));
        await Bus.Publish(Closed(b, false, "Dissatisfied", Oct(9)));
        await Bus.Publish(Closed(b, true, null, new DateTimeOffset(2026, 9, 30, 17, 0, 0, TimeSpan.Zero))); // 1 October, local time
        await Bus.Publish(
            new CaseReplied
            {
                CaseId = Guid.NewGuid(),
                Number = "2026-0002",
                CommunityId = community,
                RepliedAt = Oct(10),
                OnTime = true,
                OccurredAt = Oct(10),
            }
        );
        await Bus.Publish(
            new CaseOverdue
            {
                CaseId = Guid.NewGuid(),
                Number = "2026-0003",
                CommunityId = community,
                OverdueAt = Oct(11),
                OccurredAt = Oct(11),
            }
        );
        await Bus.Publish(
            new VisitLogged
            {
                VisitId = Guid.NewGuid(),
                GridId = Guid.NewGuid(),
                CommunityId = community,
                VisitorPersonId = b,
                VisitedAt = Oct(12),
                Findings = "ok",
                RaisesCase = false,
                OccurredAt = Oct(12),
            }
        );
        await Bus.Publish(
            new WishFulfilled
            {
                WishId = Guid.NewGuid(),
                CommunityId = community,
                PersonId = c,
                OccurredAt = Oct(13),
            }
        );
        await Bus.Publish(
            new ProjectClaimed
            {
                ProjectId = Guid.NewGuid(),
                Title = "助老",
                UnitId = Guid.NewGuid(),
                PartyOrganizationId = unit,
                CommunityId = community,
                OccurredAt = Oct(14),
            }
        );
        await Bus.Publish(
            new ActivityCompleted
            {
                ActivityId = Guid.NewGuid(),
                Title = "清洁",
                CommunityId = community,
                AttendingPersonIds = [c],
                Attended = 1,
                NoShows = 0,
                OccurredAt = new DateTimeOffset(2026, 11, 2, 4, 0, 0, TimeSpan.Zero),
            }
        );
        await Bus.Publish(
            new AssessmentRecorded
            {
                ItemId = Guid.NewGuid(),
                Level = "Handler",
                SubjectId = b.ToString(),
                PersonId = b,
                Points = -1,
                Reason = "overdue",
                Source = "Rule",
                OccurredAt = Oct(15),
            }
        );
        await Eventually.TrueAsync(async () => await InboxAsync() - before == 11, "the events consumed (one of them delivered twice)");

        // The service's own records: a party activity with its attendance, corrected; a commendation and a review by hand.
        var activity = await PostAsync<ActivityResponse>(
            "/api/organization/activities",
            new HoldActivityRequest(branch, "Meeting", "支部党员大会", Oct(20), null)
        );
        (
            await Client.PutAsJsonAsync(
                $"/api/organization/activities/{activity.Id}/attendance",
                new RecordAttendanceRequest([new(a, true, null), new(b, true, null)])
            )
        ).EnsureSuccessStatusCode();
        (
            await Client.PutAsJsonAsync($"/api/organization/activities/{activity.Id}/attendance", new RecordAttendanceRequest([new(b, false, "sick")]))
        ).EnsureSuccessStatusCode();
        await PostAsync<ManualItemResponse>($"{Indices}/items", new ManualItemRequest("Commendation", a, null, null, Oct(21), "优秀共产党员", "文件 2026-17"));
        await PostAsync<ManualItemResponse>($"{Indices}/items", new ManualItemRequest("LeadershipReview", null, branch, 12, Oct(21), "班子考察", "考察记录"));
        await SettledAsync();

        // 赵一 in October: 60 + 5 h × 0.5 + on time 1 + satisfied 0.5 + attended 1 + commendation 5 = 70
        var score = await Client.GetFromJsonAsync<IndexScoreResponse>($"{Indices}/vanguard/scores/{a}?period=2026-10");
        Assert.Equal((70m, "★★★"), (score!.Score.Total, score.Score.Grade));
        Assert.True(score.LinesShown);
        Assert.Equal(5, score.Score.Components.Sum(x => x.Lines.Count));
        // Every reason that stands for a case or a project links to it; a manual item, a visit or hours have no page of their own.
        var lines = score.Score.Components.SelectMany(x => x.Lines).ToList();
        var onTime = lines.Single(l => l.Kind == "CaseClosedOnTime");
        Assert.Matches("^/api/workflow/cases/[0-9a-f-]{36}$", onTime.Link);
        Assert.Null(lines.Single(l => l.Kind == "Commendation").Link);
        // 钱二: attendance withdrawn; on time (1 Oct local) 1 + visit 0.5 − overdue 1 = 60.5
        Assert.Equal(60.5m, (await Client.GetFromJsonAsync<IndexScoreResponse>($"{Indices}/vanguard/scores/{b}?period=2026-10"))!.Score.Total);
        // The branch: leadership 12, member team 0.2 (one attended) + 3 (a member commended), mechanisms 1.5,
        // community governance 2 on time × 0.5 + satisfied 0.5 + visit 0.5 + 5 h × 0.1, lagging −0.5 (a member's overdue penalty)
        var fortress = await Client.GetFromJsonAsync<IndexScoreResponse>($"{Indices}/fortress/scores/{branch}?period=2026-10");
        Assert.Equal(18.7m, fortress!.Score.Total);
        Assert.Equal(2.5m, fortress.Score.Components.Single(x => x.Code == "community-governance").Points);
        // The community: 2 of 3 closed on time 16.67, 1 of 2 rated satisfied 7.5, replies 10, volunteering 0.1 + 0.5, co-building 1, visits 0.1, overdue −0.5
        var service = await Client.GetFromJsonAsync<IndexScoreResponse>($"{Indices}/service/scores/{community}?period=2026-10");
        Assert.Equal(35.37m, service!.Score.Total);
        Assert.Equal(35.37m, (await Client.GetFromJsonAsync<IndexScoreResponse>($"{Indices}/service/scores/subdistrict?period=2026-10"))!.Score.Total);

        // The rankings read the live table: within the community, by organization type.
        var members = await Client.GetFromJsonAsync<IndexRanking>($"{Indices}/vanguard/ranking?period=2026-10&communityId={community}");
        Assert.Equal([a, b], members!.Rows.Items.Select(r => r.SubjectId));
        var units = await Client.GetFromJsonAsync<IndexRanking>($"{Indices}/fortress/ranking?period=2026-10&organizationType=MemberUnitOrganization");
        // The unit organization: a project claimed 4, a member's wish fulfilled 1.
        Assert.Equal([(unit, 5m)], units!.Rows.Items.Select(r => (r.SubjectId, r.Total)));
        Assert.Contains(
            other,
            (await Client.GetFromJsonAsync<IndexRanking>($"{Indices}/fortress/ranking?period=2026-10"))!.Rows.Items.Select(r => r.SubjectId)
        );

        // Live = recompute: the year with its quarters and months rebuilt from the stored inputs alone.
        var live = await ScoresAsync();
        Assert.Contains(live, r => r.StartsWith("Service 2026-11 ", StringComparison.Ordinal));
        Assert.True(live.Count >= 20, $"{live.Count} live scores");
        await Service.ExecuteAsync("UPDATE index_scores SET total = 0");
        var result = await PostAsync<RecomputeResult>($"{Indices}/recompute", new RecomputeRequest("2026", null, WithParts: true));
        Assert.Equal(live.Count, result.Scores);
        Assert.Equal(live, await ScoresAsync());
    }

    [Fact]
    public async Task Publishing_a_period_freezes_its_figures_and_late_inputs_change_only_the_live_ones()
    {
        var (community, branch, _, _) = await TreeAsync();
        var a = await MemberAsync(branch, "李四");
        await PostAsync<ManualItemResponse>($"{Indices}/items", new ManualItemRequest("Commendation", a, null, null, Oct(5), "表彰", null));
        await SettledAsync();
        var now = DateTimeOffset.UtcNow.ToOffset(IndexPeriod.LocalOffset);

        await (await Client.PostAsync($"{Indices}/vanguard/publications/{now:yyyy-MM}", null)).AssertProblemAsync(HttpStatusCode.Conflict, "period-not-over");
        await (await Client.PostAsync($"{Indices}/vanguard/publications/2026-10/publish", null)).AssertProblemAsync(HttpStatusCode.Conflict, "not-reviewed");
        var review = await PostAsync<PublicationResponse>($"{Indices}/vanguard/publications/2026-10", new { });
        Assert.Equal((PublicationStatus.UnderReview, 1), (review.Status, review.Subjects));
        var published = await PostAsync<PublicationResponse>($"{Indices}/vanguard/publications/2026-10/publish", new { });
        Assert.Equal(PublicationStatus.Published, published.Status);

        // A penalty for October arrives after publication: the live score moves, the published one does not.
        await PostAsync<ManualItemResponse>($"{Indices}/items", new ManualItemRequest("Penalty", a, null, null, Oct(25), "违纪", "通报"));
        await SettledAsync();
        var score = await Client.GetFromJsonAsync<IndexScoreResponse>($"{Indices}/vanguard/scores/{a}?period=2026-10");
        Assert.Equal((60m, 65m, 1), (score!.Score.Total, score.Published!.Total, score.Published.Rank));
        var ranking = await Client.GetFromJsonAsync<IndexRanking>($"{Indices}/vanguard/ranking?period=2026-10&communityId={community}");
        Assert.True(ranking!.Published);
        Assert.Equal([65m], ranking.Rows.Items.Select(r => r.Total));
        await (await Client.PostAsync($"{Indices}/vanguard/publications/2026-10", null)).AssertProblemAsync(HttpStatusCode.Conflict, "period-published");
        await (await Client.PostAsync($"{Indices}/vanguard/publications/2026-10/publish", null)).AssertProblemAsync(
            HttpStatusCode.Conflict,
            "period-published"
        );
        await (await Client.PostAsync($"{Indices}/vanguard/publications/2026-13", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-period");
    }

    [Fact]
    public async Task Manual_items_are_checked_and_withdrawn_with_a_reason_and_each_caller_sees_their_scope()
    {
        var (community, branch, unit, _) = await TreeAsync();
        var (a, b, c) = (await MemberAsync(branch, "周五"), await MemberAsync(branch, "吴六"), await MemberAsync(unit, "郑七"));

        await (await Client.PostAsJsonAsync($"{Indices}/items", new ManualItemRequest("Bonus", a, null, null, null, "x", null))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "unknown-item-kind"
        );
        await (await Client.PostAsJsonAsync($"{Indices}/items", new ManualItemRequest("Penalty", a, branch, null, null, "x", null))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "one-subject"
        );
        await (await Client.PostAsJsonAsync($"{Indices}/items", new ManualItemRequest("LeadershipReview", a, null, 5, null, "x", null))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "item-for-organizations"
        );
        await (await Client.PostAsJsonAsync($"{Indices}/items", new ManualItemRequest("Penalty", a, null, null, null, " ", null))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "reason-required"
        );
        await (
            await Client.PostAsJsonAsync($"{Indices}/items", new ManualItemRequest("Penalty", a, null, null, DateTimeOffset.UtcNow.AddDays(2), "x", null))
        ).AssertProblemAsync(HttpStatusCode.BadRequest, "item-in-future");
        await (
            await Client.PostAsJsonAsync($"{Indices}/items", new ManualItemRequest("Penalty", Guid.NewGuid(), null, null, null, "x", null))
        ).AssertProblemAsync(HttpStatusCode.NotFound, "person-not-found");

        var sanction = await PostAsync<ManualItemResponse>(
            $"{Indices}/items",
            new ManualItemRequest("SeriousDisciplinarySanction", a, null, null, Oct(6), "严重警告", "处分决定")
        );
        await SettledAsync();
        var reset = await Client.GetFromJsonAsync<IndexScoreResponse>($"{Indices}/vanguard/scores/{a}?period=2026-10");
        Assert.Equal((0m, sanction.Id), (reset!.Score.Total, reset.Score.ResetBy));
        await (await Client.PostAsJsonAsync($"{Indices}/items/{sanction.Id}/withdraw", new WithdrawItemRequest(""))).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "reason-required"
        );
        var withdrawn = await (
            await Client.PostAsJsonAsync($"{Indices}/items/{sanction.Id}/withdraw", new WithdrawItemRequest("复核撤销"))
        ).Content.ReadFromJsonAsync<ManualItemResponse>();
        Assert.True(withdrawn!.Withdrawn);
        await SettledAsync();
        Assert.Equal(60m, (await Client.GetFromJsonAsync<IndexScoreResponse>($"{Indices}/vanguard/scores/{a}?period=2026-10"))!.Score.Total);
        Assert.Equal(0, await Service.ScalarAsync<long>("SELECT count(*) FROM index_scores WHERE subject_id = $1", a));

        // The branch's secretary sees the branch and its members, not another organization or its members.
        (
            await Client.PostAsJsonAsync("/api/organization/posts", new AppointRequest(b, branch, "Secretary", null, null, new DateOnly(2026, 1, 1)))
        ).EnsureSuccessStatusCode();
        var secretary = Service.ClientAs(new TestCaller([Roles.PartyMember]) { PersonId = b });
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"{Indices}/vanguard/scores/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetAsync($"{Indices}/fortress/scores/{branch}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"{Indices}/vanguard/scores/{c}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"{Indices}/fortress/scores/{unit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetAsync($"{Indices}/service/scores/subdistrict")).StatusCode);
        Assert.Equal(
            new[] { a, b }.Order(),
            (await secretary.GetFromJsonAsync<IndexRanking>($"{Indices}/vanguard/ranking"))!.Rows.Items.Select(r => r.SubjectId).Order()
        );

        // A member sees their own; community staff their community's members, organizations and the community.
        var member = Service.ClientAs(new TestCaller([Roles.PartyMember]) { PersonId = c });
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"{Indices}/vanguard/scores/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"{Indices}/fortress/scores/{unit}")).StatusCode);
        var staff = Service.ClientAs(new TestCaller([Roles.CommunityStaff]) { Communities = [community] });
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"{Indices}/service/scores/{community}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"{Indices}/fortress/scores/{branch}")).StatusCode);
        await (await staff.PostAsJsonAsync($"{Indices}/items", new ManualItemRequest("Penalty", a, null, null, null, "x", null))).AssertProblemAsync(
            HttpStatusCode.Forbidden,
            "role-required"
        );
        await (await staff.GetAsync($"{Indices}/nonsense/ranking")).AssertProblemAsync(HttpStatusCode.NotFound, "index-not-found");
    }
}
