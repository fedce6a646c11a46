using Microsoft.Extensions.Options;
using Platform.Workflow.Cases;

namespace Platform.Workflow.Deadlines;

/// <summary>Supervision settings (<c>Platform:Workflow:Deadlines</c>); the defaults suit a subdistrict in China (UTC+8).</summary>
public sealed class DeadlineOptions
{
    /// <summary>The subdistrict's offset from UTC: a deadline ends at local midnight.</summary>
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Public holidays (法定节假日), as announced each year.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days worked in exchange for a holiday (调休上班).</summary>
    public List<DateOnly> WorkingWeekendDays { get; set; } = [];

    /// <summary>Working days for an Urgent case (at most the category's own).</summary>
    public int UrgentWorkingDays { get; set; } = 1;

    /// <summary>How long before the deadline the handler is warned (at most half the time they were given).</summary>
    public TimeSpan WarnBefore { get; set; } = TimeSpan.FromDays(1);

    /// <summary>After an escalation, how long before an overdue case goes up one more level.</summary>
    public TimeSpan EscalateAgainAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the timer looks for due cases.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>When a handler's time runs out and when they are warned: deadlines end at local midnight of a working day.</summary>
public sealed class DeadlinePolicy(IOptions<DeadlineOptions> options)
{
    private readonly DeadlineOptions settings = options.Value;
    private readonly WorkingCalendar calendar = new(options.Value.Holidays, options.Value.WorkingWeekendDays);

    public WorkingCalendar Calendar => calendar;

    public TimeSpan EscalateAgainAfter => settings.EscalateAgainAfter;

    /// <summary>
    /// Emergencies: the end of the day of dispatch. Urgent: <see cref="DeadlineOptions.UrgentWorkingDays"/>.
    /// Normal: the category's working days, counted from the day after dispatch.
    /// </summary>
    public DateTimeOffset DueAt(CasePriority priority, int categoryWorkingDays, DateTimeOffset dispatchedAt)
    {
        var day = LocalDay(dispatchedAt);
        var workingDays = priority switch
        {
            CasePriority.Emergency => 0,
            CasePriority.Urgent => Math.Min(settings.UrgentWorkingDays, categoryWorkingDays),
            _ => categoryWorkingDays,
        };
        return EndOf(workingDays == 0 ? day : calendar.AddWorkingDays(day, workingDays));
    }

    /// <summary>An approved extension (延期): the deadline moves by working days.</summary>
    public DateTimeOffset Extend(DateTimeOffset dueAt, int workingDays) => EndOf(calendar.AddWorkingDays(LocalDay(dueAt.AddTicks(-1)), workingDays));

    public DateTimeOffset WarnAt(DateTimeOffset from, DateTimeOffset dueAt)
    {
        var half = (dueAt - from) / 2;
        return dueAt - (half < settings.WarnBefore ? half : settings.WarnBefore);
    }

    private DateOnly LocalDay(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(settings.UtcOffset).DateTime);

    /// <summary>Local midnight after <paramref name="day"/>, as a UTC instant (the database stores UTC).</summary>
    private DateTimeOffset EndOf(DateOnly day) => new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), settings.UtcOffset).ToUniversalTime();
}
