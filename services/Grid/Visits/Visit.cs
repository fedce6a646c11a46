using NetTopologySuite.Geometries;
using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Grid;

namespace Platform.Grid.Visits;

/// <summary>A Contact-Serve-the-Masses Day (联系服务群众日): a day on which cadres go out to the grids.</summary>
public sealed class ContactDay
{
    public const int MaxTitleLength = 100;

    private ContactDay() { }

    public Guid Id { get; private set; }

    public DateOnly Date { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The communities the day covers; empty for the whole subdistrict.</summary>
    public List<Guid> CommunityIds { get; private set; } = [];

    public static Result<ContactDay> Schedule(DateOnly? date, string? title, IReadOnlyCollection<Guid>? communityIds)
    {
        if (date is null)
        {
            return DomainError.Invalid("date", "date-required", "date is required.");
        }

        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength)
        {
            return DomainError.Invalid("title", "invalid-title", $"title is required and at most {MaxTitleLength} characters.");
        }

        return new ContactDay
        {
            Id = Guid.CreateVersion7(),
            Date = date.Value,
            Title = title.Trim(),
            CommunityIds = [.. (communityIds ?? []).Distinct()],
        };
    }
}

/// <summary>A visit to a grid or a household: who went, where, when, what they found, what follows.</summary>
public sealed class Visit : Aggregate
{
    public const int MaxTextLength = 2000;
    public const int MaxHouseholdLength = 50;
    public const int MaxCategoryLength = 50;

    private Visit() { }

    public static readonly Scope<Visit> Scope = new()
    {
        Community = v => v.CommunityId,
        Grid = v => v.GridId,
        Person = v => v.VisitorPersonId,
    };

    public Guid Id { get; private set; }

    public Guid GridId { get; private set; }

    public Guid CommunityId { get; private set; }

    public Guid? BuildingId { get; private set; }

    /// <summary>The household visited, by building unit and door ("3单元502"), never by a person's name.</summary>
    public string? Household { get; private set; }

    public Guid VisitorPersonId { get; private set; }

    public Guid? ContactDayId { get; private set; }

    public DateTimeOffset VisitedAt { get; private set; }

    public string Findings { get; private set; } = "";

    public string? FollowUp { get; private set; }

    public bool RaisesCase { get; private set; }

    public string? CaseCategory { get; private set; }

    public Point? Location { get; private set; }

    public static Result<Visit> Log(
        Guid gridId,
        Guid communityId,
        Guid? buildingId,
        string? household,
        Guid visitorPersonId,
        Guid? contactDayId,
        DateTimeOffset? visitedAt,
        string? findings,
        string? followUp,
        bool raisesCase,
        string? caseCategory,
        Point? location,
        DateTimeOffset now
    )
    {
        if (visitedAt is not { } at || at > now.AddMinutes(5))
        {
            return DomainError.Invalid("visitedAt", "invalid-visit-time", "visitedAt is required and not in the future.");
        }

        if (string.IsNullOrWhiteSpace(findings) || findings.Trim().Length > MaxTextLength || followUp?.Trim().Length > MaxTextLength)
        {
            return DomainError.Invalid(
                "findings",
                "findings-required",
                $"findings are required; findings and followUp are at most {MaxTextLength} characters."
            );
        }

        if (household?.Trim().Length > MaxHouseholdLength)
        {
            return DomainError.Invalid(
                "household",
                "invalid-household",
                $"household is at most {MaxHouseholdLength} characters (a unit and door, such as 3单元502)."
            );
        }

        caseCategory = string.IsNullOrWhiteSpace(caseCategory) ? null : caseCategory.Trim();
        if (raisesCase && (caseCategory is null || caseCategory.Length > MaxCategoryLength))
        {
            return DomainError.Invalid(
                "caseCategory",
                "case-category-required",
                $"A visit that raises a case names its category (at most {MaxCategoryLength} characters)."
            );
        }

        var visit = new Visit
        {
            Id = Guid.CreateVersion7(),
            GridId = gridId,
            CommunityId = communityId,
            BuildingId = buildingId,
            Household = string.IsNullOrWhiteSpace(household) ? null : household.Trim(),
            VisitorPersonId = visitorPersonId,
            ContactDayId = contactDayId,
            VisitedAt = at,
            Findings = findings.Trim(),
            FollowUp = string.IsNullOrWhiteSpace(followUp) ? null : followUp.Trim(),
            RaisesCase = raisesCase,
            CaseCategory = raisesCase ? caseCategory : null,
            Location = location,
        };
        visit.Raise(visit.ToEvent(now));
        return visit;
    }

    private VisitLogged ToEvent(DateTimeOffset now) =>
        new()
        {
            VisitId = Id,
            GridId = GridId,
            CommunityId = CommunityId,
            BuildingId = BuildingId,
            VisitorPersonId = VisitorPersonId,
            ContactDayId = ContactDayId,
            VisitedAt = VisitedAt,
            Findings = Findings,
            FollowUp = FollowUp,
            RaisesCase = RaisesCase,
            CaseCategory = CaseCategory,
            Latitude = Location?.Y,
            Longitude = Location?.X,
            OccurredAt = now,
        };
}
