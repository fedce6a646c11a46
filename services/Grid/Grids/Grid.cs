using Platform.Contracts.Grid;
using Platform.ServiceDefaults.Api;
using Platform.ServiceDefaults.Domain;

namespace Platform.Grid.Grids;

/// <summary>The kinds of grid the subdistrict draws.</summary>
public enum GridType
{
    Urban,
    Suburban,
    Rural,
    Specialized,
}

/// <summary>A grid (网格): the base cell of management every case, visit and building hangs on.</summary>
public sealed class Grid
{
    public const int MaxNameLength = 100;

    private Grid()
    {
    }

    public Guid Id { get; private set; }

    public GridCode Code { get; private set; } = null!;

    public string Name { get; private set; } = "";

    public GridType Type { get; private set; }

    public Guid CommunityId { get; private set; }

    /// <summary>Increases with every change; travels in <see cref="GridChanged"/> so consumers can drop stale states.</summary>
    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<Grid> Create(Guid id, string? code, string? name, string? type, Guid communityId, DateTimeOffset now)
    {
        var parsedCode = GridCode.Parse(code);
        if (parsedCode.Error is { } codeError)
        {
            return codeError;
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-grid-name", $"name is required and at most {MaxNameLength} characters.");
        }

        var gridType = ParseType(type);
        if (gridType.Error is { } typeError)
        {
            return typeError;
        }

        if (communityId == Guid.Empty)
        {
            return DomainError.Invalid("communityId", "missing-community", "communityId is required: a grid always belongs to a community.");
        }

        return new Grid
        {
            Id = id,
            Code = parsedCode.Value!,
            Name = name.Trim(),
            Type = gridType.Value,
            CommunityId = communityId,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Reads a grid type by name (not number), naming the allowed types when it fails.</summary>
    public static Result<GridType> ParseType(string? type)
    {
        var parsed = EnumInput.Parse<GridType>(type, "type");
        return parsed.Error is not null
            ? DomainError.Invalid("type", "invalid-grid-type", $"type must be one of {string.Join(", ", Enum.GetNames<GridType>())}.")
            : parsed.Value;
    }

    public GridChanged ToEvent() => new()
    {
        GridId = Id,
        CommunityId = CommunityId,
        Code = Code.Value,
        Name = Name,
        Type = Type.ToString(),
        Version = Version,
        OccurredAt = UpdatedAt,
    };
}
