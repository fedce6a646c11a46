using Platform.BuildingBlocks.Domain;

namespace Platform.Organization.Posts;

public enum PostTitle
{
    /// <summary>书记: first responsible (第一责任人) for party-building in the organization.</summary>
    Secretary,

    DeputySecretary,

    /// <summary>委员: carries dual responsibility (一岗双责).</summary>
    CommitteeMember,

    /// <summary>党小组组长.</summary>
    GroupLeader,
}

/// <summary>A person's post in a party organization over a period.</summary>
public sealed class Post
{
    public const int MaxDutyLength = 200;

    private Post() { }

    public Guid Id { get; private set; }

    public Guid PersonId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public PostTitle Title { get; private set; }

    /// <summary>The secretary is first responsible for party-building.</summary>
    public bool IsFirstResponsible => Title == PostTitle.Secretary;

    /// <summary>一岗双责: the post-holder's business line...</summary>
    public string? BusinessLine { get; private set; }

    /// <summary>...and their party-building duty, both recorded.</summary>
    public string? PartyBuildingDuty { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? To { get; private set; }

    public bool IsCurrentOn(DateOnly day) => From <= day && (To is null || To >= day);

    /// <param name="currentSecretaryExists">Whether the organization has a secretary in post on <paramref name="from"/>.</param>
    public static Result<Post> Appoint(
        Guid personId,
        Guid organizationId,
        PostTitle title,
        string? businessLine,
        string? partyBuildingDuty,
        DateOnly from,
        bool currentSecretaryExists
    )
    {
        if (title == PostTitle.Secretary && currentSecretaryExists)
        {
            return DomainError.Conflict("secretary-in-post", "The organization already has a secretary in post; end that post first.");
        }

        businessLine = string.IsNullOrWhiteSpace(businessLine) ? null : businessLine.Trim();
        partyBuildingDuty = string.IsNullOrWhiteSpace(partyBuildingDuty) ? null : partyBuildingDuty.Trim();
        if (title is PostTitle.DeputySecretary or PostTitle.CommitteeMember && (businessLine is null || partyBuildingDuty is null))
        {
            return DomainError.Invalid(
                businessLine is null ? "businessLine" : "partyBuildingDuty",
                "dual-responsibility-required",
                "A committee post carries dual responsibility (一岗双责): give both businessLine and partyBuildingDuty."
            );
        }

        if (businessLine?.Length > MaxDutyLength || partyBuildingDuty?.Length > MaxDutyLength)
        {
            return DomainError.Invalid("businessLine", "duty-too-long", $"businessLine and partyBuildingDuty are at most {MaxDutyLength} characters.");
        }

        return new Post
        {
            Id = Guid.CreateVersion7(),
            PersonId = personId,
            OrganizationId = organizationId,
            Title = title,
            BusinessLine = businessLine,
            PartyBuildingDuty = partyBuildingDuty,
            From = from,
        };
    }

    public DomainError? End(DateOnly on)
    {
        if (To is not null)
        {
            return DomainError.Conflict("post-ended", "The post has already ended.");
        }

        if (on < From)
        {
            return DomainError.Invalid("on", "end-before-start", "A post cannot end before it started.");
        }

        To = on;
        return null;
    }
}
