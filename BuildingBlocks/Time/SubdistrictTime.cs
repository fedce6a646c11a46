namespace Platform.BuildingBlocks.Time;

/// <summary>
/// The platform's clock: UTC from the system, and the subdistrict's time zone (<c>Platform:TimeZone</c>, an IANA
/// name; Asia/Shanghai, UTC+8, by default) as its <see cref="TimeProvider.LocalTimeZone"/>. Every service gets it
/// as its <see cref="TimeProvider"/>; tests swap in a fake clock with the same zone.
/// </summary>
public sealed class SubdistrictTimeProvider(TimeZoneInfo zone) : TimeProvider
{
    public const string DefaultZone = "Asia/Shanghai";

    public override TimeZoneInfo LocalTimeZone => zone;

    /// <summary>The zone by IANA name, so a bad setting fails at start, not at the first request.</summary>
    public static TimeZoneInfo FindZone(string? name)
    {
        name = string.IsNullOrWhiteSpace(name) ? DefaultZone : name;
        return TimeZoneInfo.TryFindSystemTimeZoneById(name, out var found)
            ? found
            : throw new InvalidOperationException($"Platform:TimeZone '{name}' is not a time zone this machine knows (an IANA name such as {DefaultZone}).");
    }
}

/// <summary>
/// Days, months and "today" as the subdistrict lives them: in the clock's local (the subdistrict's) time zone.
/// Between 00:00 and 08:00 local time the UTC date is still yesterday's; nothing here uses it. Instants are
/// stored and answered in UTC.
/// </summary>
public static class LocalCalendar
{
    /// <summary>Today's date in the subdistrict.</summary>
    public static DateOnly Today(this TimeProvider clock) => clock.DateOf(clock.GetUtcNow());

    /// <summary>The local calendar day an instant falls on.</summary>
    public static DateOnly DateOf(this TimeProvider clock, DateTimeOffset instant) => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);

    /// <summary>The instant with the subdistrict's offset at that moment.</summary>
    public static DateTimeOffset ToLocal(this TimeProvider clock, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, clock.LocalTimeZone);

    /// <summary>The instant (UTC) a local day begins.</summary>
    public static DateTimeOffset StartOf(this TimeProvider clock, DateOnly day) => clock.At(day, TimeOnly.MinValue);

    /// <summary>The instant (UTC) of a local wall-clock time on a local day.</summary>
    public static DateTimeOffset At(this TimeProvider clock, DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
