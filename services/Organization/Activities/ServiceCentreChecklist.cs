namespace Platform.Organization.Activities;

/// <summary>The "four haves" of a community party-building service centre (有活动阵地、有工作队伍、有服务项目、有信息平台、有经费保障).</summary>
public enum ServiceCentreItem
{
    Venue,
    Team,
    ServiceProjects,
    InformationPlatform,
    Funding,
}

/// <summary>One checklist item of one community: met or not, with the evidence.</summary>
public sealed class ServiceCentreCheck
{
    public const int MaxEvidenceLength = 1000;

    private ServiceCentreCheck() { }

    public Guid CommunityId { get; private set; }

    public ServiceCentreItem Item { get; private set; }

    public bool Met { get; private set; }

    public string? Evidence { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ServiceCentreCheck Start(Guid communityId, ServiceCentreItem item) => new() { CommunityId = communityId, Item = item };

    public Platform.BuildingBlocks.Domain.DomainError? Set(bool met, string? evidence, DateTimeOffset now)
    {
        evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        if (met && evidence is null)
        {
            return Platform.BuildingBlocks.Domain.DomainError.Invalid(
                "evidence",
                "evidence-required",
                "An item marked met needs its evidence (what, where, a link)."
            );
        }

        if (evidence?.Length > MaxEvidenceLength)
        {
            return Platform.BuildingBlocks.Domain.DomainError.Invalid("evidence", "evidence-too-long", $"evidence is at most {MaxEvidenceLength} characters.");
        }

        Met = met;
        Evidence = evidence;
        UpdatedAt = now;
        return null;
    }
}
