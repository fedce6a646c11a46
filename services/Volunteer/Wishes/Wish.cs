using Platform.BuildingBlocks.Domain;
using Platform.Contracts.Volunteer;

namespace Platform.Volunteer.Wishes;

public enum WishStatus
{
    Posted,
    Claimed,
    Fulfilled,
    Confirmed,
}

/// <summary>
/// A small wish (微心愿) a resident in need posts; a party member or a member unit claims and fulfils it; the
/// resident confirms. Who posted it is never shown to others.
/// </summary>
public sealed class Wish : Aggregate
{
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 500;

    private Wish() { }

    public Guid Id { get; private set; }

    /// <summary>The account of the resident who posted it.</summary>
    public string OwnerSubject { get; private set; } = "";

    public Guid? CommunityId { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public WishStatus Status { get; private set; }

    public string? ClaimerSubject { get; private set; }

    public Guid? ClaimerPersonId { get; private set; }

    public Guid? ClaimerUnitId { get; private set; }

    public string? FulfilmentNote { get; private set; }

    public DateTimeOffset PostedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Changes with every step: of two members claiming at once, one wins and the other gets a 409.</summary>
    public long Version { get; private set; }

    public static Result<Wish> Post(string ownerSubject, Guid? communityId, string? title, string? description, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > MaxTitleLength || description?.Trim().Length > MaxTextLength)
        {
            return DomainError.Invalid(
                "title",
                "invalid-wish",
                $"title is required (at most {MaxTitleLength} characters); description at most {MaxTextLength}."
            );
        }

        return new Wish
        {
            Id = Guid.CreateVersion7(),
            OwnerSubject = ownerSubject,
            CommunityId = communityId,
            Title = title.Trim(),
            Description = description?.Trim() ?? "",
            Status = WishStatus.Posted,
            PostedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>A party member claims for themself, a unit liaison for their unit.</summary>
    public DomainError? Claim(string claimerSubject, Guid? personId, Guid? unitId, DateTimeOffset now)
    {
        if (Status != WishStatus.Posted)
        {
            return DomainError.Conflict("wish-taken", $"The wish is {Status}.");
        }

        if (claimerSubject == OwnerSubject)
        {
            return DomainError.Conflict("own-wish", "You cannot claim your own wish.");
        }

        (Status, ClaimerSubject, ClaimerPersonId, ClaimerUnitId, UpdatedAt) = (WishStatus.Claimed, claimerSubject, personId, unitId, now);
        Version++;
        return null;
    }

    public DomainError? Fulfil(string by, string? note, DateTimeOffset now)
    {
        // Whose it is comes first: someone who never claimed it learns nothing of its state.
        if (Status != WishStatus.Claimed || by != ClaimerSubject)
        {
            return by != ClaimerSubject
                ? DomainError.OutOfScope("Only whoever claimed the wish fulfils it.")
                : DomainError.Conflict("wish-not-claimed", $"The wish is {Status}.");
        }

        if (note?.Trim().Length > MaxTextLength)
        {
            return DomainError.Invalid("note", "invalid-note", $"note is at most {MaxTextLength} characters.");
        }

        (Status, FulfilmentNote, UpdatedAt) = (WishStatus.Fulfilled, note?.Trim(), now);
        Version++;
        return null;
    }

    public Result<WishFulfilled> Confirm(string by, DateTimeOffset now)
    {
        if (by != OwnerSubject)
        {
            return DomainError.OutOfScope("Only the resident who made the wish confirms it.");
        }

        if (Status != WishStatus.Fulfilled)
        {
            return DomainError.Conflict("wish-not-fulfilled", $"The wish is {Status}; it is confirmed once fulfilled.");
        }

        (Status, UpdatedAt) = (WishStatus.Confirmed, now);
        Version++;
        return Raised(
            new WishFulfilled
            {
                WishId = Id,
                CommunityId = CommunityId,
                PersonId = ClaimerPersonId,
                UnitId = ClaimerUnitId,
                OccurredAt = now,
            }
        );
    }
}
