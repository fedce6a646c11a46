using Microsoft.Extensions.Time.Testing;
using Platform.BuildingBlocks.Time;

namespace Platform.Testing;

/// <summary>A fake clock in the subdistrict's time zone (Asia/Shanghai), as the services' real one is.</summary>
public static class SubdistrictClock
{
    public static FakeTimeProvider At(DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now.ToUniversalTime());
        clock.SetLocalTimeZone(SubdistrictTimeProvider.FindZone(SubdistrictTimeProvider.DefaultZone));
        return clock;
    }

    /// <summary>Today in the subdistrict (UTC+8): from 16:00 UTC on, a day after the UTC date.</summary>
    public static DateOnly Today =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SubdistrictTimeProvider.FindZone(SubdistrictTimeProvider.DefaultZone)).DateTime);

    /// <summary>00:30 local time on the first of a month: the hours when the UTC date is still the day before.</summary>
    public static readonly DateTimeOffset HalfPastMidnightOnTheFirst = new(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(8));
}
