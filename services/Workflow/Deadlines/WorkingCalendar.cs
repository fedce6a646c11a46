namespace Platform.Workflow.Deadlines;

/// <summary>
/// Working days: Monday to Friday, minus public holidays, plus the weekend days declared working days in
/// exchange (调休). Deadlines in working days are counted on it.
/// </summary>
public sealed class WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workingWeekendDays)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];
    private readonly HashSet<DateOnly> workingWeekendDays = [.. workingWeekendDays];

    public bool IsWorkingDay(DateOnly day) =>
        workingWeekendDays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day));

    /// <summary>The day <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        for (var counted = 0; counted < workingDays; )
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }
}
