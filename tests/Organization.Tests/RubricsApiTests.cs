using System.Net;
using System.Net.Http.Json;
using Platform.Organization.Indices;
using Platform.Organization.People;
using Platform.Testing;

namespace Platform.Organization.Tests;

/// <summary>Rubrics as versioned data: a draft edited, previewed on a past period, published from a date; periods keep their version.</summary>
public class RubricsApiTests(OrganizationServiceFactory service) : OrganizationServiceTest(service)
{
    private const string Rubrics = "/api/organization/indices/rubrics/vanguard";

    [Fact]
    public async Task A_draft_is_edited_previewed_and_published_and_the_built_in_version_still_scores_past_periods()
    {
        var member = (
            await (
                await Client.PostAsJsonAsync("/api/organization/people", new RegisterPersonRequest("周敏", null, null, null, null, false, null))
            ).Content.ReadFromJsonAsync<PersonResponse>()
        )!.Id;
        await Service.ExecuteAsync(
            $"""
            INSERT INTO index_inputs (id, person_id, kind, source_key, quantity, at, event_id, event_occurred_at)
            VALUES ('{Guid.NewGuid()}', '{member}', 'Commendation', 'c-1', 1, '2026-10-10T00:00:00Z', '{Guid.NewGuid()}', '2026-10-10T00:00:00Z')
            """
        );

        var draft = await (await Client.PostAsJsonAsync($"{Rubrics}/draft", new { })).Content.ReadFromJsonAsync<RubricVersionResponse>();
        Assert.Equal((2, RubricStatus.Draft), (draft!.Version, draft.Status));
        await (await Client.PostAsJsonAsync($"{Rubrics}/draft", new { })).AssertProblemAsync(HttpStatusCode.Conflict, "rubric-draft-exists");

        var richer = DefaultRubrics.Vanguard with
        {
            Components =
            [
                .. DefaultRubrics.Vanguard.Components.Select(c => c.Code == "commendations" ? c with { Items = [new RubricItem("Commendation", 8)] } : c),
            ],
        };
        (await Client.PutAsJsonAsync($"{Rubrics}/draft", richer)).EnsureSuccessStatusCode();
        var preview = await Client.GetFromJsonAsync<RubricPreviewResponse>($"{Rubrics}/draft/preview?subjectId={member}&period=2026-10");
        Assert.Equal((65m, 68m), (preview!.InForce.Total, preview.Draft.Total));
        Assert.Equal((1, 2), (preview.InForce.RubricVersion, preview.Draft.RubricVersion));

        var today = SubdistrictClock.Today;
        await (await Client.PostAsJsonAsync($"{Rubrics}/draft/publish", new { effectiveFrom = today.AddDays(-1) })).AssertProblemAsync(
            HttpStatusCode.BadRequest,
            "invalid-effective-date"
        );
        var published = await (
            await Client.PostAsJsonAsync($"{Rubrics}/draft/publish", new { effectiveFrom = today })
        ).Content.ReadFromJsonAsync<RubricVersionResponse>();
        Assert.Equal((RubricStatus.Published, today), (published!.Status, published.EffectiveFrom));

        var october = await Client.GetFromJsonAsync<IndexScoreResponse>($"/api/organization/indices/vanguard/scores/{member}?period=2026-10");
        Assert.Equal((1, 65m), (october!.Score.RubricVersion, october.Score.Total));
        var versions = await Client.GetFromJsonAsync<List<RubricVersionResponse>>(Rubrics);
        Assert.Equal([2, 1], versions!.Select(v => v.Version));
    }

    [Fact]
    public async Task A_broken_draft_is_refused_naming_every_problem_and_only_the_admin_edits()
    {
        (await Client.PostAsJsonAsync($"{Rubrics}/draft", new { })).EnsureSuccessStatusCode();
        var broken = DefaultRubrics.Vanguard with { BaseScore = 150, Components = [new RubricComponent("a", "A", 5, [])] };

        var problem = await (await Client.PutAsJsonAsync($"{Rubrics}/draft", broken)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-rubric");

        Assert.Equal(
            ["invalid-score-range", "empty-component"],
            problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString())
        );
        var member = Service.ClientAs(new TestCaller([Roles.PartyMember]));
        await (await member.PutAsJsonAsync($"{Rubrics}/draft", DefaultRubrics.Vanguard)).AssertProblemAsync(HttpStatusCode.Forbidden, "role-required");
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(Rubrics)).StatusCode);
        await (await Client.GetAsync("/api/organization/indices/rubrics/nonsense")).AssertProblemAsync(HttpStatusCode.NotFound, "index-not-found");
        var holes = new StringContent(
            """{"baseScore":60,"maxScore":100,"components":[{"code":"a","name":"A","maxPoints":5,"items":[]},null],"grades":[null]}""",
            System.Text.Encoding.UTF8,
            "application/json"
        );
        // A null in a list is no rubric at all: the body is refused as it is read, naming the list.
        var incomplete = await (await Client.PutAsync($"{Rubrics}/draft", holes)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
        Assert.True(incomplete.GetProperty("errors").TryGetProperty("components", out _));
    }
}
