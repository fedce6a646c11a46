namespace Platform.Organization.Indices;

/// <summary>
/// A live score as stored: one row per (index, period, subject) that has inputs (a subject without any scores
/// the rubric's base). Kept up to date by <see cref="ScoreRefresher"/> and rebuilt by <see cref="IndexRecompute"/>;
/// the rankings read it.
/// </summary>
public sealed class IndexScoreRow
{
    private IndexScoreRow() { }

    public IndexKind Index { get; private set; }

    /// <summary>"2026-11", "2026-Q4" or "2026" (<see cref="IndexPeriod"/>).</summary>
    public string Period { get; private set; } = "";

    /// <summary>The member, the organization, the community, or <see cref="IndexSubjects.Subdistrict"/>.</summary>
    public Guid SubjectId { get; private set; }

    public decimal Total { get; private set; }

    public string? Grade { get; private set; }

    public int RubricVersion { get; private set; }

    public int Inputs { get; private set; }

    public DateTimeOffset ComputedAt { get; private set; }
}

/// <summary>Whom each index scores, and where in the ledger their inputs are.</summary>
public static class IndexSubjects
{
    /// <summary>The Service Index of the whole subdistrict (every input, whatever its community).</summary>
    public static readonly Guid Subdistrict = Guid.Empty;

    /// <summary>A subject named in a URL: a member's, organization's or community's id, or "subdistrict" for the Service Index.</summary>
    public static Guid? Parse(IndexKind index, string? text) =>
        index == IndexKind.Service && "subdistrict".Equals(text, StringComparison.OrdinalIgnoreCase) ? Subdistrict
        : Guid.TryParse(text, out var id) ? id
        : null;

    /// <summary>The subject's inputs in the period (withdrawn ones left out): what its score is computed from.</summary>
    public static IQueryable<IndexInputRecord> InputsOf(this IQueryable<IndexInputRecord> ledger, ScoreKey key)
    {
        var (start, end, subject) = (key.Period.Start, key.Period.End, (Guid?)key.Subject);
        var inputs = ledger.Where(i => i.At >= start && i.At < end && !i.Withdrawn);
        return key.Index switch
        {
            IndexKind.Vanguard => inputs.Where(i => i.PersonId == subject),
            IndexKind.Fortress => inputs.Where(i => i.OrganizationId == subject),
            _ when key.Subject == Subdistrict => inputs,
            _ => inputs.Where(i => i.CommunityId == subject),
        };
    }
}
