using Microsoft.EntityFrameworkCore;
using Platform.Organization.Data;
using Platform.Organization.PartyOrganizations;
using Platform.Organization.Posts;

namespace Platform.Organization.Indices;

/// <summary>Someone or something an index scores: a member, an organization, a community or the subdistrict.</summary>
public sealed record IndexSubject(Guid Id, string Name, Guid? CommunityId, Guid? OrganizationId, string? OrganizationType);

/// <summary>
/// Whom an index scores and who may see which: a member sees their own Vanguard score; an organization's
/// secretary (or deputy) sees the organization's Fortress score and its members'; subdistrict cadres and
/// community staff the members, organizations and communities of their communities; the committee
/// (the subdistrict admin) everything, including the subdistrict's own Service Index.
/// </summary>
public sealed class IndexSubjectDirectory(OrganizationDbContext db, TimeProvider clock)
{
    public const string SubdistrictName = "全街道 (the subdistrict)";

    /// <summary>The subjects of an index the caller may see, optionally within one community, organization type or organization (its members).</summary>
    public async Task<List<IndexSubject>> VisibleAsync(
        Caller caller,
        IndexKind index,
        Guid? communityId,
        string? organizationType,
        CancellationToken ct,
        Guid? organizationId = null
    )
    {
        var all = await SubjectsAsync(index, communityId, organizationType, ct);
        all = organizationId is { } organization ? [.. all.Where(s => s.OrganizationId == organization)] : all;
        if (caller.SeesWholeSubdistrict)
        {
            return all;
        }

        var led = await LedOrganizationsAsync(caller, ct);
        return [.. all.Where(s => Sees(caller, index, s, led))];
    }

    /// <summary>One subject, if the caller may see it; null otherwise (a 404, not a 403: existence is not disclosed).</summary>
    public async Task<IndexSubject?> FindAsync(Caller caller, IndexKind index, Guid subjectId, CancellationToken ct)
    {
        var subject = index switch
        {
            IndexKind.Vanguard => (await PeopleAsync(subjectId, null, membersOnly: false, ct)).FirstOrDefault(),
            IndexKind.Fortress => (await OrganizationsAsync(subjectId, null, ct)).FirstOrDefault(),
            _ when subjectId == IndexSubjects.Subdistrict => new IndexSubject(IndexSubjects.Subdistrict, SubdistrictName, null, null, null),
            _ => (await CommunitiesAsync(subjectId, ct)).FirstOrDefault(),
        };
        return subject is not null && (caller.SeesWholeSubdistrict || Sees(caller, index, subject, await LedOrganizationsAsync(caller, ct))) ? subject : null;
    }

    private static bool Sees(Caller caller, IndexKind index, IndexSubject subject, IReadOnlySet<Guid> led)
    {
        var organizer = caller.IsIn([.. Roles.Organizers]);
        return index switch
        {
            IndexKind.Vanguard => caller.IsPerson(subject.Id)
                || organizer && caller.CoversCommunity(subject.CommunityId)
                || subject.OrganizationId is { } o && led.Contains(o),
            IndexKind.Fortress => organizer && caller.CoversCommunity(subject.CommunityId) || led.Contains(subject.Id),
            _ => organizer && (subject.Id == IndexSubjects.Subdistrict ? caller.IsIn(Roles.SubdistrictCadre) : caller.CoversCommunity(subject.Id)),
        };
    }

    /// <summary>The organizations the caller is secretary or deputy secretary of today.</summary>
    private async Task<IReadOnlySet<Guid>> LedOrganizationsAsync(Caller caller, CancellationToken ct)
    {
        if (caller.PersonId is not { } me)
        {
            return new HashSet<Guid>();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(IndexPeriod.LocalOffset).DateTime);
        return (
            await db
                .Posts.AsNoTracking()
                .Where(p =>
                    p.PersonId == me
                    && (p.Title == PostTitle.Secretary || p.Title == PostTitle.DeputySecretary)
                    && p.From <= today
                    && (p.To == null || p.To >= today)
                )
                .Select(p => p.OrganizationId)
                .ToListAsync(ct)
        ).ToHashSet();
    }

    private async Task<List<IndexSubject>> SubjectsAsync(IndexKind index, Guid? communityId, string? organizationType, CancellationToken ct)
    {
        switch (index)
        {
            case IndexKind.Vanguard:
                return
                [
                    .. (await PeopleAsync(null, communityId, membersOnly: true, ct)).Where(m =>
                        organizationType is null || m.OrganizationType == organizationType
                    ),
                ];
            case IndexKind.Fortress:
                return [.. (await OrganizationsAsync(null, communityId, ct)).Where(o => organizationType is null || o.OrganizationType == organizationType)];
            default:
                var communities = await CommunitiesAsync(communityId, ct);
                return communityId is null ? [new(IndexSubjects.Subdistrict, SubdistrictName, null, null, null), .. communities] : communities;
        }
    }

    /// <summary>Party members (a ranking); with <paramref name="membersOnly"/> off, anyone with a score (a cadre's visits count too).</summary>
    private async Task<List<IndexSubject>> PeopleAsync(Guid? id, Guid? communityId, bool membersOnly, CancellationToken ct)
    {
        var people = db.People.AsNoTracking();
        people = id is { } one ? people.Where(p => p.Id == one) : people;
        people = communityId is { } community ? people.Where(p => p.CommunityId == community) : people;
        people = membersOnly ? people.Where(p => p.Membership != null) : people;
        var rows = await people
            .Select(p => new
            {
                p.Id,
                p.Name,
                p.CommunityId,
                OrganizationId = p.Membership == null ? (Guid?)null : p.Membership.OrganizationId,
            })
            .ToListAsync(ct);
        var organizations = rows.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var kinds = await db
            .PartyOrganizations.AsNoTracking()
            .Where(o => organizations.Contains(o.Id))
            .Select(o => new { o.Id, o.Kind })
            .ToDictionaryAsync(o => o.Id, o => o.Kind.ToString(), ct);
        return
        [
            .. rows.Select(r => new IndexSubject(r.Id, r.Name, r.CommunityId, r.OrganizationId, r.OrganizationId is { } o ? kinds.GetValueOrDefault(o) : null)),
        ];
    }

    private async Task<List<IndexSubject>> OrganizationsAsync(Guid? id, Guid? communityId, CancellationToken ct)
    {
        var organizations = db.PartyOrganizations.AsNoTracking().Where(o => o.Status == OrganizationStatus.Active);
        organizations = id is { } one ? organizations.Where(o => o.Id == one) : organizations;
        organizations = communityId is { } community ? organizations.Where(o => o.CommunityId == community) : organizations;
        return
        [
            .. (
                await organizations
                    .Select(o => new
                    {
                        o.Id,
                        o.Name,
                        o.CommunityId,
                        o.Kind,
                    })
                    .ToListAsync(ct)
            ).Select(o => new IndexSubject(o.Id, o.Name, o.CommunityId, o.Id, o.Kind.ToString())),
        ];
    }

    private async Task<List<IndexSubject>> CommunitiesAsync(Guid? id, CancellationToken ct) =>
        [
            .. (await db.Communities.AsNoTracking().Where(c => id == null || c.Id == id).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(
                c => new IndexSubject(c.Id, c.Name, c.Id, null, null)
            ),
        ];
}
