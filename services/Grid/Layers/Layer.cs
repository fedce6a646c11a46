using Platform.BuildingBlocks.Domain;
using Platform.BuildingBlocks.PersonalData;
using Platform.Contracts;
using Platform.Contracts.Grid;

namespace Platform.Grid.Layers;

/// <summary>
/// An overlaid network (多网合一) laid over the grids. Four are built in: public security (治安防控网),
/// urban-management enforcement (城管执法网), environmental supervision (环境监管网) and work safety (安全监管网);
/// the admin may define more.
/// </summary>
public sealed class Layer
{
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 60;

    public static readonly IReadOnlyList<(string Code, string Name)> BuiltIn =
    [
        ("public-security", "治安防控网"),
        ("urban-management", "城管执法网"),
        ("environment", "环境监管网"),
        ("work-safety", "安全监管网"),
    ];

    private Layer() { }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public bool IsBuiltIn { get; private set; }

    public static Layer Seeded(string code, string name) =>
        new()
        {
            Code = code,
            Name = name,
            IsBuiltIn = true,
        };

    public static Result<Layer> Define(string? code, string? name)
    {
        code = code?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > MaxCodeLength || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return DomainError.Invalid("code", "invalid-layer-code", $"code is 1–{MaxCodeLength} characters of a–z, 0–9 and '-'.");
        }

        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength)
        {
            return DomainError.Invalid("name", "invalid-layer-name", $"name is required and at most {MaxNameLength} characters.");
        }

        return new Layer { Code = code, Name = name.Trim() };
    }
}

/// <summary>For one grid and one layer: the department responsible and its contact (the phone is personal data).</summary>
public sealed class LayerResponsibility : Aggregate
{
    public const int MaxLength = 100;

    private LayerResponsibility() { }

    public Guid GridId { get; private set; }

    public string LayerCode { get; private set; } = "";

    public Guid CommunityId { get; private set; }

    public string DepartmentCode { get; private set; } = "";

    public string DepartmentName { get; private set; } = "";

    public string? ContactName { get; private set; }

    public ProtectedValue? ContactPhone { get; private set; }

    public long Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Result<LayerResponsibility> Assign(Guid gridId, Guid communityId, string layerCode, DateTimeOffset now) =>
        new LayerResponsibility
        {
            GridId = gridId,
            CommunityId = communityId,
            LayerCode = layerCode,
            UpdatedAt = now,
        };

    public DomainError? Set(string? departmentCode, string? departmentName, string? contactName, ProtectedValue? contactPhone, DateTimeOffset now)
    {
        departmentCode = departmentCode?.Trim();
        if (
            string.IsNullOrEmpty(departmentCode)
            || departmentCode.Length > MaxLength
            || string.IsNullOrWhiteSpace(departmentName)
            || departmentName.Trim().Length > MaxLength
        )
        {
            return DomainError.Invalid(
                "departmentCode",
                "department-required",
                $"departmentCode and departmentName are required (at most {MaxLength} characters)."
            );
        }

        if (contactName?.Trim().Length > MaxLength)
        {
            return DomainError.Invalid("contactName", "invalid-contact", $"contactName is at most {MaxLength} characters.");
        }

        DepartmentCode = departmentCode;
        DepartmentName = departmentName.Trim();
        ContactName = string.IsNullOrWhiteSpace(contactName) ? null : contactName.Trim();
        ContactPhone = contactPhone;
        Version++;
        UpdatedAt = now;
        Changed();
        return null;
    }

    protected override IntegrationEvent Snapshot() => ToEvent();

    public LayerResponsibilityChanged ToEvent() =>
        new()
        {
            GridId = GridId,
            CommunityId = CommunityId,
            Layer = LayerCode,
            DepartmentCode = DepartmentCode,
            DepartmentName = DepartmentName,
            ContactName = ContactName,
            Version = Version,
            OccurredAt = UpdatedAt,
        };
}
