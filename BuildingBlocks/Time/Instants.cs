using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.BuildingBlocks.Time;

/// <summary>
/// How the API reads an instant, in a query or a JSON body: ISO 8601 with any offset (<c>Z</c>,
/// <c>+08:00</c>, <c>-0500</c>) is that instant; without an offset it is the subdistrict's wall-clock time; a
/// date alone is the start of that local day. A plus sign that arrived as a space (an unencoded query) is
/// read as a plus. Every instant is normalised to UTC, and answers carry UTC with a <c>Z</c>.
/// </summary>
public static partial class Instants
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public const string Expected =
        "an ISO 8601 date-time, such as 2026-12-01T08:00:00+08:00 or 2026-12-01T00:00:00Z (without an offset: the subdistrict's local time)";

    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset utc)
    {
        utc = default;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (
            !match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
        )
        {
            return false;
        }

        var time = TimeOnly.MinValue;
        if (match.Groups["time"].Success && !TimeOnly.TryParse(match.Groups["time"].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out time))
        {
            return false;
        }

        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (!match.Groups["offset"].Success)
        {
            offset = zone.GetUtcOffset(local);
        }
        else if (match.Groups["zulu"].Success)
        {
            offset = TimeSpan.Zero;
        }
        else
        {
            var hours = int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
            var minutes = match.Groups["minutes"].Success ? int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture) : 0;
            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0) * (match.Groups["sign"].Value == "-" ? -1 : 1);
        }

        try
        {
            utc = new DateTimeOffset(local, offset).ToUniversalTime();
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // 0001-01-01T00:00:00+08:00 lies before the first representable instant.
            return false;
        }
    }

    public static string Write(DateTimeOffset instant) => instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?<date>\d{4}-\d{2}-\d{2})(?:[Tt ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)"
            + @"(?<offset>(?<zulu>[Zz])|(?<sign>[+ -])(?<hours>\d{2})(?::?(?<minutes>\d{2}))?)?)?$"
    )]
    private static partial Regex Pattern();
}
