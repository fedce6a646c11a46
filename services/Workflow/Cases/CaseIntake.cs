using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.BuildingBlocks.Time;
using Platform.Workflow.Data;

namespace Platform.Workflow.Cases;

/// <summary>Intake settings (<c>Platform:Workflow:Intake</c>).</summary>
public sealed class IntakeOptions
{
    /// <summary>A new case of the same category this close to an open one is flagged as a possible duplicate.</summary>
    public double DuplicateRadiusMeters { get; set; } = 50;

    /// <summary>…if the open one was reported within this long.</summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// The one intake path (归口收集) every channel goes through: the category is checked, the grid is found from
/// the location in Workflow's own copy of the grids (no call to the Grid service), possible duplicates are
/// flagged, personal data is protected, and the case is numbered and saved with its CaseReported event.
/// </summary>
public sealed class CaseIntake(WorkflowDbContext db, PersonalDataProtector protector, IOptions<IntakeOptions> options, TimeProvider clock)
{
    /// <summary>
    /// A report becomes a case, or the first rule it breaks is the answer: the category first, then the report's own
    /// checks (<see cref="ReportCase.Check"/>), then the building and grid it names. The case is added to the context,
    /// not saved: the caller saves it with whatever else the request changes.
    /// </summary>
    public async Task<Result<Case>> TakeInAsync(ReportCase report, Actor actor, CancellationToken ct)
    {
        var category = string.IsNullOrWhiteSpace(report.Category)
            ? null
            : await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == report.Category && c.Active, ct);
        if (category is null)
        {
            return DomainError.Invalid(
                "category",
                "unknown-category",
                $"'{report.Category}' is not an active case category; see GET /api/workflow/categories."
            );
        }

        if (report.Check() is { } refused)
        {
            return refused;
        }

        if (!(await LocateAsync(report, ct)).TryGet(out var located, out var locationError))
        {
            return locationError;
        }

        var (gridId, communityId, location) = located;
        var now = clock.GetUtcNow();
        var found = new IntakeFindings
        {
            GridId = gridId,
            CommunityId = communityId,
            Location = location,
            Reporter = ReporterOf(report, now),
            Address = report.Address is { } address ? protector.Protect(address.Trim(), Mask.Address) : null,
            PossibleDuplicateOf = location is { } point ? await FindDuplicateAsync(category.Code, point, ct) : null,
        };

        // The number is taken only once the report is accepted: refused reports leave no gaps.
        var number = await db.Database.SqlQuery<long>($"SELECT nextval('case_numbers') AS \"Value\"").SingleAsync(ct);
        if (!Case.Report(report, found, $"{clock.DateOf(now).Year}-{number:D6}", actor, now).TryGet(out var reported, out var error))
        {
            return error;
        }

        db.Cases.Add(reported);
        return reported;
    }

    /// <summary>The reporter, with name and phone protected; none when the report names nobody.</summary>
    private CaseReporter? ReporterOf(ReportCase report, DateTimeOffset now)
    {
        var name = report.ReporterName is { } rawName ? protector.Protect(rawName.Trim(), Mask.Name) : null;
        var phone = report.ReporterPhone is { } rawPhone ? protector.Protect(PhoneNumber.Parse(rawPhone, "reporterPhone").OrThrow().Value, Mask.Phone) : null;
        return name is null && phone is null && report.ReporterSubject is null && report.ReporterPersonId is null
            ? null
            : CaseReporter.Create(name, phone, report.ReporterSubject, report.ReporterPersonId, report.Channel, now);
    }

    /// <summary>
    /// A named grid wins; else the grid whose boundary covers the point (a base grid before a Specialized one laid
    /// over it; on a border shared by grids, the lowest grid code: the Grid service's lookup rule); else the
    /// building's grid, and the building's position stands for the case's.
    /// </summary>
    private async Task<Result<(Guid? Grid, Guid? Community, Point? Location)>> LocateAsync(ReportCase input, CancellationToken ct)
    {
        var location = input.Location;
        if (input.BuildingId is { } buildingId)
        {
            var building = await db.Buildings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == buildingId, ct);
            if (building is null)
            {
                return DomainError.Invalid("buildingId", "unknown-building", $"No building {buildingId} is known to the Workflow service.");
            }

            location ??= building.Location;
            if (input.GridId is null && input.Location is null)
            {
                return (building.GridId, building.CommunityId, location);
            }
        }

        if (input.GridId is { } id)
        {
            var named = await db.KnownGrids.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, ct);
            return named is null || !named.IsActive
                ? DomainError.Invalid("gridId", "unknown-grid", $"No active grid {id} is known to the Workflow service.")
                : (named.Id, named.CommunityId, location);
        }

        if (location is not { } point)
        {
            return ((Guid?)null, input.CommunityId, (Point?)null);
        }

        var found = await db
            .KnownGrids.AsNoTracking()
            .Where(g => g.Status == "Active" && g.Boundary != null && g.Boundary.Covers(point))
            .OrderBy(g => g.Type == "Specialized")
            .ThenBy(g => g.Code)
            .Select(g => new { g.Id, g.CommunityId })
            .FirstOrDefaultAsync(ct);
        return found is null ? ((Guid?)null, input.CommunityId, point) : (found.Id, found.CommunityId, point);
    }

    /// <summary>The earliest open case of the category within the radius (metres, on the spheroid) and the time window.</summary>
    private const double MetresPerDegree = 111_320;

    private async Task<Guid?> FindDuplicateAsync(string category, Point point, CancellationToken ct)
    {
        var since = clock.GetUtcNow() - options.Value.DuplicateWindow;
        var radius = options.Value.DuplicateRadiusMeters;
        // The box around the circle (in degrees, a little larger) lets ix_cases_open_nearby find the candidates; the
        // distance on the spheroid then decides.
        var dy = radius / MetresPerDegree * 1.01;
        var dx = radius / (MetresPerDegree * Math.Cos(point.Y * Math.PI / 180)) * 1.01;
        var ids = await db
            .Database.SqlQuery<Guid>(
                $"""
                SELECT id AS "Value" FROM cases
                WHERE category = {category} AND state NOT IN ('Voided', 'Closed') AND reported_at >= {since}
                  AND location IS NOT NULL AND location && ST_Expand({point}, {dx}, {dy})
                  AND ST_DWithin(location::geography, {point}::geography, {radius})
                ORDER BY reported_at
                LIMIT 1
                """
            )
            .ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }
}
