using System.Text.Json.Serialization;
using Platform.BuildingBlocks.Domain;

namespace Platform.Organization.Indices;

[JsonConverter(typeof(JsonStringEnumConverter<PublicationStatus>))]
public enum PublicationStatus
{
    /// <summary>The figures are taken and under review; they can be taken again.</summary>
    UnderReview,

    /// <summary>公示: published and frozen.</summary>
    Published,
}

/// <summary>
/// The publication (公示) of an index's results for a period: opened for review once the period is over (the
/// figures taken from the live scores, ranked), taken again while under review, then published. Published
/// figures never change, whatever arrives for the period later.
/// </summary>
public sealed class IndexPublication
{
    private IndexPublication() { }

    public Guid Id { get; private set; }

    public IndexKind Index { get; private set; }

    public string Period { get; private set; } = "";

    public PublicationStatus Status { get; private set; }

    public string OpenedBy { get; private set; } = "";

    /// <summary>When the figures under review were taken.</summary>
    public DateTimeOffset TakenAt { get; private set; }

    public string? PublishedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public int Subjects { get; private set; }

    public static Result<IndexPublication> Open(IndexKind index, IndexPeriod period, string by, DateTimeOffset now)
    {
        if (period.End > now)
        {
            return DomainError.Conflict("period-not-over", $"{period} is not over yet: its results are reviewed and published after it ends.");
        }

        return new IndexPublication
        {
            Id = Guid.CreateVersion7(now),
            Index = index,
            Period = period.ToString(),
            Status = PublicationStatus.UnderReview,
            OpenedBy = by,
            TakenAt = now,
        };
    }

    /// <summary>The figures were taken (again) for review.</summary>
    public DomainError? Took(int subjects, string by, DateTimeOffset now)
    {
        if (Status == PublicationStatus.Published)
        {
            return Frozen();
        }

        (Subjects, OpenedBy, TakenAt) = (subjects, by, now);
        return null;
    }

    public DomainError? Publish(string by, DateTimeOffset now)
    {
        if (Status == PublicationStatus.Published)
        {
            return Frozen();
        }

        (Status, PublishedBy, PublishedAt) = (PublicationStatus.Published, by, now);
        return null;
    }

    private DomainError Frozen() =>
        DomainError.Conflict("period-published", $"The {Index} results for {Period} were published on {PublishedAt:yyyy-MM-dd} and are frozen.");
}

/// <summary>A subject's figure as taken for review and, once published, frozen: with its rank.</summary>
public sealed class PublishedScore
{
    private PublishedScore() { }

    public Guid PublicationId { get; private set; }

    public Guid SubjectId { get; private set; }

    public string Name { get; private set; } = "";

    public int Rank { get; private set; }

    public decimal Total { get; private set; }

    public string? Grade { get; private set; }

    public int RubricVersion { get; private set; }

    public static PublishedScore Of(Guid publication, RankedScore score) =>
        new()
        {
            PublicationId = publication,
            SubjectId = score.SubjectId,
            Name = score.Name,
            Rank = score.Rank,
            Total = score.Total,
            Grade = score.Grade,
            RubricVersion = score.RubricVersion,
        };
}
