using Platform.BuildingBlocks.Domain;
using Platform.Contracts;
using Platform.Contracts.Organization;

namespace Platform.Organization.Communities;

/// <summary>A community (社区): the administrative unit grids hang on, with its residents' committee.</summary>
public sealed class Community : Aggregate
{
    public const int MaxNameLength = 100;

    private Community() { }

    public Guid Id { get; private set; }

    /// <summary>The 3-digit community part of a grid code, unique within the subdistrict.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    /// <summary>The residents' committee (居委会) the community party organization leads.</summary>
    public string? ResidentsCommittee { get; private set; }

    /// <summary>The community public service station (社区公共服务站).</summary>
    public string? ServiceStation { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long Version { get; private set; }

    public static Result<Community> Create(
        Guid id,
        string? code,
        string? name,
        DateTimeOffset now,
        string? residentsCommittee = null,
        string? serviceStation = null
    )
    {
        if (ValidateCode(code) is { } codeError)
        {
            return codeError;
        }

        if (ValidateName(name) is { } nameError)
        {
            return nameError;
        }

        var community = new Community
        {
            Id = id,
            Code = code!,
            CreatedAt = now,
            Version = 0,
        };
        return community.Update(name, residentsCommittee, serviceStation, now) is { } error ? error : community;
    }

    public DomainError? Update(string? name, string? residentsCommittee, string? serviceStation, DateTimeOffset now)
    {
        if (ValidateName(name) is { } nameError)
        {
            return nameError;
        }

        if (residentsCommittee?.Trim().Length > MaxNameLength || serviceStation?.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid(
                "residentsCommittee",
                "invalid-community-body",
                $"residentsCommittee and serviceStation are at most {MaxNameLength} characters."
            );
        }

        Name = name!.Trim();
        ResidentsCommittee = string.IsNullOrWhiteSpace(residentsCommittee) ? null : residentsCommittee.Trim();
        ServiceStation = string.IsNullOrWhiteSpace(serviceStation) ? null : serviceStation.Trim();
        UpdatedAt = now;
        Version++;
        Changed();
        return null;
    }

    protected override IntegrationEvent Snapshot() => ToEvent();

    public CommunityChanged ToEvent() =>
        new()
        {
            CommunityId = Id,
            Code = Code,
            Name = Name,
            ResidentsCommittee = ResidentsCommittee,
            ServiceStation = ServiceStation,
            Version = Version,
            OccurredAt = UpdatedAt,
        };

    private static DomainError? ValidateCode(string? code) =>
        code is { Length: 3 } && code.All(char.IsAsciiDigit) && code != "000"
            ? null
            : DomainError.Invalid("code", "invalid-community-code", "code must be three digits from 001 to 999 (the community part of a grid code).");

    private static DomainError? ValidateName(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
            ? DomainError.Invalid("name", "invalid-community-name", $"name is required and at most {MaxNameLength} characters.")
            : null;
}
