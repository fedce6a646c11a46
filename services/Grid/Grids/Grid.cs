using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Api;
using Platform.BuildingBlocks.Domain;
using Platform.Contracts;
using Platform.Contracts.Grid;

namespace Platform.Grid.Grids;

/// <summary>The kinds of grid the subdistrict draws.</summary>
public enum GridType
{
    /// <summary>城区型.</summary>
    Urban,

    /// <summary>城郊型.</summary>
    Suburban,

    /// <summary>农村型.</summary>
    Rural,

    /// <summary>专属型: a market, a school, a park; may overlap the grids around it.</summary>
    Specialized,
}

public enum GridStatus
{
    Active,

    /// <summary>No longer in use; kept, because cases and visits point to it.</summary>
    Retired,
}

/// <summary>What a grid is described by, as the admin enters it.</summary>
public sealed record GridDetails(string? Name, string? Type, Geometry? Boundary, int? Households, int? Population, int? Complexity);

/// <summary>A grid (网格): the base cell of management every case, visit, building and staff post hangs on.</summary>
public sealed class Grid : Aggregate
{
    public const int MaxNameLength = 100;
    public const int MaxComplexity = 100;
    public const int MaxCount = 1_000_000;

    private Grid() { }

    /// <summary>Who sees a grid's records: the staff of its community, its own staff, cadres assigned to it.</summary>
    public static readonly Scope<Grid> Scope = new() { Community = g => g.CommunityId, Grid = g => g.Id };

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public GridType Type { get; private set; }

    public Guid CommunityId { get; private set; }

    /// <summary>WGS84 polygon; null until drawn (such a grid is found by no lookup).</summary>
    public Geometry? Boundary { get; private set; }

    public int Households { get; private set; }

    public int Population { get; private set; }

    /// <summary>0–100, set by the subdistrict: drives how many full-time assistants the grid should have.</summary>
    public int Complexity { get; private set; }

    public GridStatus Status { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Increases with every change; travels in <see cref="GridChanged"/> so consumers can drop stale states.</summary>
    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsActive => Status == GridStatus.Active;

    public bool MayOverlap => Type == GridType.Specialized;

    public static Result<Grid> Create(
        Guid id,
        string? code,
        GridCodeLayout layout,
        Guid communityId,
        string? communityCode,
        GridDetails details,
        DateTimeOffset now
    )
    {
        if (communityId == Guid.Empty)
        {
            return DomainError.Invalid("communityId", "missing-community", "communityId is required: a grid always belongs to a community.");
        }

        if (layout.Check(code, communityCode) is { } codeError)
        {
            return codeError;
        }

        var grid = new Grid
        {
            Id = id,
            Code = code!,
            CommunityId = communityId,
            Status = GridStatus.Active,
            CreatedAt = now,
        };
        return grid.Apply(details, now) is { } error ? error : grid;
    }

    public DomainError? Update(GridDetails details, DateTimeOffset now) =>
        IsActive ? Apply(details, now) : DomainError.Conflict("grid-retired", "The grid is retired; it can no longer be changed.");

    public DomainError? Retire(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return DomainError.Conflict("grid-retired", "The grid is already retired.");
        }

        Status = GridStatus.Retired;
        RetiredAt = now;
        Touch(now);
        return null;
    }

    /// <summary>Reads a grid type by name (not number), naming the allowed types when it fails.</summary>
    public static Result<GridType> ParseType(string? type)
    {
        var parsed = EnumInput.Parse<GridType>(type, "type");
        return parsed.Error is not null
            ? DomainError.Invalid("type", "invalid-grid-type", $"type must be one of {string.Join(", ", Enum.GetNames<GridType>())}.")
            : parsed.Value;
    }

    /// <summary>The grid as other services keep it (Workflow's routing, Organization's areas).</summary>
    protected override IntegrationEvent Snapshot() => ToEvent();

    public GridChanged ToEvent() =>
        new()
        {
            GridId = Id,
            CommunityId = CommunityId,
            Code = Code,
            Name = Name,
            Type = Type.ToString(),
            Status = Status.ToString(),
            Boundary = Boundary is null ? null : Geo.ToGeoJson(Boundary).GetRawText(),
            Version = Version,
            OccurredAt = UpdatedAt,
        };

    private DomainError? Apply(GridDetails details, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(details.Name) || details.Name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-grid-name", $"name is required and at most {MaxNameLength} characters.");
        }

        if (!ParseType(details.Type).TryGet(out var type, out var typeError))
        {
            return typeError;
        }

        if (details.Households is < 0 or > MaxCount || details.Population is < 0 or > MaxCount)
        {
            return DomainError.Invalid(
                details.Households is < 0 or > MaxCount ? "households" : "population",
                "invalid-count",
                $"households and population are 0 to {MaxCount}."
            );
        }

        if (details.Complexity is < 0 or > MaxComplexity)
        {
            return DomainError.Invalid("complexity", "invalid-complexity", $"complexity is a score from 0 to {MaxComplexity}.");
        }

        Name = details.Name.Trim();
        Type = type;
        Boundary = details.Boundary;
        Households = details.Households ?? 0;
        Population = details.Population ?? 0;
        Complexity = details.Complexity ?? 0;
        Touch(now);
        return null;
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
        Changed();
    }
}
