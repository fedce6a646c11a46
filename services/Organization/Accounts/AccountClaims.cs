using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Organization.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Organization.Accounts;

/// <summary>
/// What a signed-in account's access token says about it: its roles, and the scope each role acts in,
/// derived at sign-in and at every refresh from what this service knows (so a changed post or assignment
/// reaches the token within one access-token lifetime):
/// community staff → the community they work for; grid staff → the grids they lead or assist in; a subdistrict
/// cadre → the communities and grids of their current area assignments (分片包干) and the grids they instruct;
/// a unit liaison → the member unit whose party organization they belong
/// to; a department handler → their department; everyone with a person record → themself.
/// </summary>
public static class AccountClaims
{
    public static async Task<ClaimsIdentity> IdentityAsync(OrganizationDbContext db, UserAccount account, DateOnly today, CancellationToken ct)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString());
        identity.SetClaim(Claims.Name, account.UserName);
        identity.SetClaims(Claims.Role, [.. account.Roles]);
        var communities = new HashSet<Guid>();
        var grids = new HashSet<Guid>();
        var units = new HashSet<Guid>();
        if (account.PersonId is { } personId && await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct) is { } person)
        {
            identity.SetClaim(PlatformClaims.Person, person.Id.ToString());
            if (account.Roles.Contains(Roles.CommunityStaff) && person.StaffCommunityId is { } staffOf)
            {
                communities.Add(staffOf);
            }

            if (account.Roles.Contains(Roles.SubdistrictCadre))
            {
                var assignments = await db
                    .AreaAssignments.AsNoTracking()
                    .Where(a => a.PersonId == person.Id && a.From <= today && (a.To == null || a.To >= today))
                    .ToListAsync(ct);
                communities.UnionWith(assignments.Where(a => a.CommunityId is not null).Select(a => a.CommunityId!.Value));
                grids.UnionWith(assignments.SelectMany(a => a.GridIds));
            }

            // Grid posts, from the Grid service: leaders and assistants act on their grids, instructors on the grids they guide.
            string[] gridPosts =
            [
                .. account.Roles.Contains(Roles.GridStaff) ? new[] { "Leader", "Assistant" } : [],
                .. account.Roles.Contains(Roles.SubdistrictCadre) ? new[] { "Instructor" } : [],
            ];
            if (gridPosts.Length > 0)
            {
                grids.UnionWith(
                    await db
                        .GridPostings.AsNoTracking()
                        .Where(p => p.PersonId == person.Id && p.Active && gridPosts.Contains(p.Post))
                        .Select(p => p.GridId)
                        .ToListAsync(ct)
                );
            }

            if (account.Roles.Contains(Roles.UnitLiaison) && person.Membership?.OrganizationId is { } organization)
            {
                units.UnionWith(await db.MemberUnits.AsNoTracking().Where(u => u.PartyOrganizationId == organization).Select(u => u.Id).ToListAsync(ct));
            }
        }

        identity.SetClaims(PlatformClaims.Community, [.. communities.Select(c => c.ToString())]);
        identity.SetClaims(PlatformClaims.Grid, [.. grids.Select(g => g.ToString())]);
        identity.SetClaims(PlatformClaims.Unit, [.. units.Select(u => u.ToString())]);
        if (account.Roles.Contains(Roles.DepartmentHandler) && account.Department is { } department)
        {
            identity.SetClaim(PlatformClaims.Department, department);
        }

        return identity;
    }
}
