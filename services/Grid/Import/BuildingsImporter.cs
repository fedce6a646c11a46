using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.Import;
using Platform.Grid.Buildings;
using Platform.Grid.Data;
using Platform.Grid.Grids;

namespace Platform.Grid.Import;

/// <summary>
/// Buildings from CSV, header <c>name,address,latitude,longitude,compound,gridCode</c>: each building's grid is
/// the grid containing it (or the one named by gridCode), its compound found by name in that grid's community.
/// </summary>
public sealed class BuildingsImporter(GridDbContext db, TimeProvider clock) : IImporter
{
    public const int MaxRows = 20_000;
    private static readonly string[] Columns = ["name", "address", "latitude", "longitude", "compound", "gridCode"];
    private static readonly string[] Required = ["name", "address", "latitude", "longitude"];

    public string Kind => "buildings";

    public string ContentType => "text/csv";

    public async Task<ImportPlan> PrepareAsync(string payload, CancellationToken ct)
    {
        var rows = Csv.Parse(payload);
        if (rows.Count < 2 || rows.Count - 1 > MaxRows)
        {
            return ImportPlan.Refused(
                Math.Max(rows.Count - 1, 0),
                new RowProblem(1, null, "invalid-row-count", $"The file has a header row ({string.Join(",", Columns)}) and 1 to {MaxRows} buildings.")
            );
        }

        var header = rows[0].Select((name, index) => (name, index)).ToDictionary(h => h.name.Trim(), h => h.index, StringComparer.OrdinalIgnoreCase);
        var missing = Required
            .Where(c => !header.ContainsKey(c))
            .Select(c => new RowProblem(1, c, "missing-column", $"The header has no column '{c}'. Columns: {string.Join(",", Columns)}."))
            .ToArray();
        if (missing.Length > 0)
        {
            return ImportPlan.Refused(rows.Count - 1, missing);
        }

        var grids = await db
            .Grids.AsNoTracking()
            .Where(g => g.Status == GridStatus.Active)
            .Select(g => new { g.Id, g.Code })
            .ToDictionaryAsync(g => g.Code, g => g.Id, ct);
        var compounds = (
            await db
                .Compounds.AsNoTracking()
                .Select(c => new
                {
                    c.Id,
                    c.Name,
                    c.CommunityId,
                })
                .ToListAsync(ct)
        ).ToLookup(c => (c.CommunityId, c.Name), c => c.Id);
        var seenAddresses = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new List<RowProblem>();
        var planned = new List<object>();
        for (var r = 1; r < rows.Count; r++)
        {
            var fields = rows[r];
            var rowNumber = r + 1;
            string? Get(string column) => header.TryGetValue(column, out var i) && i < fields.Length && fields[i].Trim().Length > 0 ? fields[i].Trim() : null;
            double? Coordinate(string column) => double.TryParse(Get(column), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
            var before = problems.Count;
            void Problem(DomainError e) => problems.Add(new RowProblem(rowNumber, e.Field, e.Code, e.Message));

            Guid? gridId = null;
            if (Get("gridCode") is { } code)
            {
                if (grids.TryGetValue(code, out var id))
                {
                    gridId = id;
                }
                else
                {
                    Problem(DomainError.Invalid("gridCode", "unknown-grid", $"No active grid with code {code}."));
                    continue;
                }
            }

            if (
                !(
                    await BuildingsApi.PlaceAsync(
                        db,
                        new BuildingRequest(null, gridId, Get("name"), Get("address"), Coordinate("latitude"), Coordinate("longitude")),
                        clock.GetUtcNow(),
                        ct
                    )
                ).TryGet(out var placed, out var error)
            )
            {
                Problem(error.Field == "location" ? error with { Field = "latitude" } : error);
                continue;
            }

            var building = placed;
            if (Get("compound") is { } compoundName)
            {
                if (compounds[(building.CommunityId, compoundName)].FirstOrDefault() is { } compoundId && compoundId != Guid.Empty)
                {
                    building = Building
                        .Create(compoundId, building.GridId, building.CommunityId, building.Name, building.Address, building.Location, clock.GetUtcNow())
                        .OrThrow();
                }
                else
                {
                    Problem(DomainError.Invalid("compound", "unknown-compound", $"No compound named '{compoundName}' in the building's community."));
                }
            }

            if (seenAddresses.TryGetValue(building.AddressKey, out var firstRow))
            {
                Problem(DomainError.Conflict("duplicate-address", $"The address repeats row {firstRow}."));
            }
            else
            {
                seenAddresses[building.AddressKey] = rowNumber;
            }

            if (problems.Count == before)
            {
                planned.Add(building);
            }
        }

        return new ImportPlan(rows.Count - 1, problems, problems.Count == 0 ? planned : []);
    }

    public void Add(object entity)
    {
        var building = (Building)entity;
        db.Buildings.Add(building);
    }
}
