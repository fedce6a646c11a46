namespace Platform.Organization.Indices;

/// <summary>
/// Where the record behind an index input is read, through the gateway: a case in Workflow, a project or an
/// activity in Volunteer. An input's source key starts with the record's id (<c>{id}</c> or <c>{id}:{who}</c>);
/// inputs whose records have no page of their own (a manual item, a visit) have no link.
/// </summary>
public static class SourceLinks
{
    private static readonly Dictionary<string, string> ByKind = new(StringComparer.Ordinal)
    {
        [InputKinds.CaseClosed] = "/api/workflow/cases/",
        [InputKinds.CaseClosedOnTime] = "/api/workflow/cases/",
        [InputKinds.CaseRated] = "/api/workflow/cases/",
        [InputKinds.CaseRatedSatisfied] = "/api/workflow/cases/",
        [InputKinds.CaseReplied] = "/api/workflow/cases/",
        [InputKinds.CaseRepliedOnTime] = "/api/workflow/cases/",
        [InputKinds.CaseOverdue] = "/api/workflow/cases/",
        [InputKinds.ProjectClaimed] = "/api/volunteer/projects/",
        [InputKinds.VolunteerActivityCompleted] = "/api/volunteer/activities/",
        [InputKinds.VolunteerActivityServed] = "/api/volunteer/activities/",
        [InputKinds.VolunteerActivityAttended] = "/api/volunteer/activities/",
    };

    public static string? For(string kind, string? source) =>
        source is not null && ByKind.TryGetValue(kind, out var path) && Guid.TryParse(source.Split(':')[0], out var id) ? $"{path}{id}" : null;
}
