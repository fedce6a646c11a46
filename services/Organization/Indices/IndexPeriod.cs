using System.Globalization;
using System.Text.Json.Serialization;
using Platform.BuildingBlocks.Domain;

namespace Platform.Organization.Indices;

[JsonConverter(typeof(JsonStringEnumConverter<PeriodKind>))]
public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A period the indices are scored for: a month ("2026-11"), a quarter ("2026-Q4") or a year ("2026"), in the
/// subdistrict's local time (UTC+8), so a month starts at local midnight on its first day.
/// </summary>
public readonly record struct IndexPeriod(PeriodKind Kind, int Year, int Number) : IComparable<IndexPeriod>
{
    /// <summary>The subdistrict's offset from UTC (China Standard Time, no daylight saving).</summary>
    public static readonly TimeSpan LocalOffset = TimeSpan.FromHours(8);

    /// <summary>The first instant any period covers (periods run from the year 2000).</summary>
    public static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, LocalOffset);

    public DateOnly FirstDay =>
        Kind switch
        {
            PeriodKind.Month => new DateOnly(Year, Number, 1),
            PeriodKind.Quarter => new DateOnly(Year, (Number - 1) * 3 + 1, 1),
            _ => new DateOnly(Year, 1, 1),
        };

    public DateOnly EndDay =>
        Kind switch
        {
            PeriodKind.Month => FirstDay.AddMonths(1),
            PeriodKind.Quarter => FirstDay.AddMonths(3),
            _ => FirstDay.AddYears(1),
        };

    /// <summary>The first instant of the period, in UTC.</summary>
    public DateTimeOffset Start => new DateTimeOffset(FirstDay.ToDateTime(TimeOnly.MinValue), LocalOffset).ToUniversalTime();

    /// <summary>The first instant after the period, in UTC.</summary>
    public DateTimeOffset End => new DateTimeOffset(EndDay.ToDateTime(TimeOnly.MinValue), LocalOffset).ToUniversalTime();

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;

    /// <summary>The month, quarter and year an instant falls in.</summary>
    public static IndexPeriod[] Containing(DateTimeOffset at)
    {
        var local = at.ToOffset(LocalOffset);
        return
        [
            new(PeriodKind.Month, local.Year, local.Month),
            new(PeriodKind.Quarter, local.Year, (local.Month - 1) / 3 + 1),
            new(PeriodKind.Year, local.Year, 1),
        ];
    }

    /// <summary>The month the instant falls in (by default: the month running).</summary>
    public static IndexPeriod MonthOf(DateTimeOffset at) => Containing(at)[0];

    /// <summary>The year's periods: its twelve months, four quarters and itself.</summary>
    public IEnumerable<IndexPeriod> WithParts()
    {
        var year = Year;
        return Kind != PeriodKind.Year
            ? [this]
            :
            [
                .. Enumerable.Range(1, 12).Select(m => new IndexPeriod(PeriodKind.Month, year, m)),
                .. Enumerable.Range(1, 4).Select(q => new IndexPeriod(PeriodKind.Quarter, year, q)),
                this,
            ];
    }

    public override string ToString() =>
        Kind switch
        {
            PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
            PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
            _ => Year.ToString("D4", CultureInfo.InvariantCulture),
        };

    public int CompareTo(IndexPeriod other) => (Start, Kind).CompareTo((other.Start, other.Kind));

    /// <summary>"2026-11", "2026-Q4" or "2026"; anything else is named as the problem.</summary>
    public static Result<IndexPeriod> Parse(string? text, string field = "period")
    {
        var value = text?.Trim() ?? "";
        var invalid = DomainError.Invalid(field, "invalid-period", $"'{value}' is not a period: a month (2026-11), a quarter (2026-Q4) or a year (2026).");
        static bool Number(string s, out int n) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out n);
        var parts = value.Split('-');
        if (parts.Length is < 1 or > 2 || parts[0].Length != 4 || !Number(parts[0], out var year) || year < 2000 || year > 2100)
        {
            return invalid;
        }

        if (parts.Length == 1)
        {
            return new IndexPeriod(PeriodKind.Year, year, 1);
        }

        if (parts[1].Length == 2 && parts[1][0] is 'Q' or 'q' && Number(parts[1][1..], out var quarter) && quarter is >= 1 and <= 4)
        {
            return new IndexPeriod(PeriodKind.Quarter, year, quarter);
        }

        return parts[1].Length == 2 && Number(parts[1], out var month) && month is >= 1 and <= 12 ? new IndexPeriod(PeriodKind.Month, year, month) : invalid;
    }
}
