using NodaTime;

namespace GridGovernance.WorkOrders;

/// <summary>
/// Time limits in working days (限时办理), reckoned with a <see cref="WorkingDayCalendar"/> in a time zone: a limit of
/// n working days from an instant ends at the end (midnight) of the n-th working day after the local date of that
/// instant; the day of filing does not count. A reminder comes at the start of the last
/// <see cref="WorkOrderPolicy.ReminderWorkingDays"/> working days before the limit.
/// </summary>
[Immutable]
public sealed class WorkOrderTimeLimits
{
    /// <summary>Creates the reckoning.</summary>
    /// <param name="calendar">Working days, weekends, holidays and make-up days (调休).</param>
    /// <param name="zone">The zone local dates are taken in (<see cref="GridGovernanceOptions.TimeZone"/>).</param>
    public WorkOrderTimeLimits(WorkingDayCalendar calendar, DateTimeZone zone)
    {
        Calendar = Preconditions.CheckNotNull(calendar);
        Zone = Preconditions.CheckNotNull(zone);
    }

    /// <summary>The calendar.</summary>
    public WorkingDayCalendar Calendar { get; }

    /// <summary>The zone.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The last local day of a limit of <paramref name="workingDays"/> working days counted from <paramref name="from"/>.</summary>
    /// <param name="from">When the clock starts.</param>
    /// <param name="workingDays">The limit, at least 1.</param>
    public LocalDate DueDate(Instant from, int workingDays)
    {
        Preconditions.CheckArgumentRange(nameof(workingDays), workingDays, 1, 3650);
        return Calendar.AddWorkingDays(from.InZone(Zone).Date, workingDays);
    }

    /// <summary>The instant the limit ends: the start of the day after <see cref="DueDate"/>; an order still open at that instant is overdue.</summary>
    /// <param name="from">When the clock starts.</param>
    /// <param name="workingDays">The limit, at least 1.</param>
    public Instant DueAt(Instant from, int workingDays) => EndOf(DueDate(from, workingDays));

    /// <summary>When to remind: the start of the <paramref name="reminderWorkingDays"/>-th working day before the end of the limit (0 for no reminder).</summary>
    /// <param name="from">When the clock starts.</param>
    /// <param name="workingDays">The limit, at least 1.</param>
    /// <param name="reminderWorkingDays">How many working days before the end, 0 or more; never earlier than the day after <paramref name="from"/>.</param>
    /// <returns>The instant, or <c>null</c> when <paramref name="reminderWorkingDays"/> is 0.</returns>
    public Instant? RemindAt(Instant from, int workingDays, int reminderWorkingDays)
    {
        Preconditions.CheckArgumentRange(nameof(reminderWorkingDays), reminderWorkingDays, 0, 3650);
        if (reminderWorkingDays == 0)
        {
            return null;
        }
        int lead = Math.Min(reminderWorkingDays, workingDays);
        var day = DueDate(from, workingDays - lead + 1);
        return Zone.AtStartOfDay(day).ToInstant();
    }

    /// <summary>The end of a limit and its reminder together, reading the local date once (the hot path of triage and escalation).</summary>
    internal (Instant DueAt, Instant? RemindAt) Schedule(Instant from, int workingDays, int reminderWorkingDays)
    {
        Preconditions.CheckArgumentRange(nameof(workingDays), workingDays, 1, 3650);
        Preconditions.CheckArgumentRange(nameof(reminderWorkingDays), reminderWorkingDays, 0, 3650);
        var start = from.InZone(Zone).Date;
        var due = EndOf(Calendar.AddWorkingDays(start, workingDays));
        if (reminderWorkingDays == 0)
        {
            return (due, null);
        }
        var remindDay = Calendar.AddWorkingDays(start, workingDays - Math.Min(reminderWorkingDays, workingDays) + 1);
        return (due, Zone.AtStartOfDay(remindDay).ToInstant());
    }

    /// <summary>Whether an order due at <paramref name="dueAt"/> is overdue at <paramref name="now"/>.</summary>
    /// <param name="dueAt">The end of its limit.</param>
    /// <param name="now">The instant to judge at.</param>
    public static bool IsOverdue(Instant dueAt, Instant now) => now >= dueAt;

    private Instant EndOf(LocalDate date) => Zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
}
