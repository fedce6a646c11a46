using System.Text;
using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Grid;

namespace Platform.Grid.Buildings;

/// <summary>A residential compound (小区) in a community.</summary>
public sealed class Compound
{
    public const int MaxNameLength = 100;

    private Compound() { }

    /// <summary>The compounds of the caller's communities; department handlers, who work across them, see all.</summary>
    public static readonly Scope<Compound> Scope = new() { Community = c => c.CommunityId, SeenWholeBy = [Roles.DepartmentHandler] };

    public Guid Id { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Name { get; private set; } = "";

    public string? Address { get; private set; }

    public Point? Location { get; private set; }

    public static Result<Compound> Create(Guid communityId, string? name, string? address, Point? location)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-compound-name", $"name is required and at most {MaxNameLength} characters.");
        }

        if (address?.Trim().Length > Building.MaxAddressLength)
        {
            return DomainError.Invalid("address", "invalid-address", $"address is at most {Building.MaxAddressLength} characters.");
        }

        return new Compound
        {
            Id = Guid.CreateVersion7(),
            CommunityId = communityId,
            Name = name.Trim(),
            Address = string.IsNullOrWhiteSpace(address) ? null : address.Trim(),
            Location = location,
        };
    }
}

/// <summary>
/// A building (楼栋) with its address and location, and the grid it stands in (found from the location when
/// not given). Its address is what a case's address is matched against.
/// </summary>
public sealed class Building : Aggregate
{
    public const int MaxNameLength = 50;
    public const int MaxAddressLength = 200;

    private Building() { }

    /// <summary>The buildings of the caller's communities and grids; department handlers see all.</summary>
    public static readonly Scope<Building> Scope = new()
    {
        Community = b => b.CommunityId,
        Grid = b => b.GridId,
        SeenWholeBy = [Roles.DepartmentHandler],
    };

    public Guid Id { get; private set; }

    public Guid? CompoundId { get; private set; }

    public Guid GridId { get; private set; }

    public Guid CommunityId { get; private set; }

    public string Name { get; private set; } = "";

    public string Address { get; private set; } = "";

    /// <summary>The address in the form lookups compare: see <see cref="NormalizeAddress"/>.</summary>
    public string AddressKey { get; private set; } = "";

    public Point Location { get; private set; } = null!;

    public static Result<Building> Create(Guid? compoundId, Guid gridId, Guid communityId, string? name, string? address, Point location, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-building-name", $"name is required and at most {MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(address) || address.Trim().Length > MaxAddressLength)
        {
            return DomainError.Invalid("address", "invalid-address", $"address is required and at most {MaxAddressLength} characters.");
        }

        var building = new Building
        {
            Id = Guid.CreateVersion7(),
            CompoundId = compoundId,
            GridId = gridId,
            CommunityId = communityId,
            Name = name.Trim(),
            Address = address.Trim(),
            AddressKey = NormalizeAddress(address),
            Location = location,
        };
        building.Raise(building.ToEvent(now));
        return building;
    }

    private BuildingRegistered ToEvent(DateTimeOffset now) =>
        new()
        {
            BuildingId = Id,
            GridId = GridId,
            CommunityId = CommunityId,
            Name = Name,
            Latitude = Location.Y,
            Longitude = Location.X,
            OccurredAt = now,
        };

    /// <summary>
    /// Addresses as people type them: full-width letters and digits made half-width, spaces and punctuation
    /// dropped, Latin letters lower-cased. "长江路 １２号" and "长江路12号" are one address.
    /// </summary>
    public static string NormalizeAddress(string? address)
    {
        var text = (address ?? "").Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }

        return key.ToString();
    }
}
