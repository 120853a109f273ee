using System.Globalization;
using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance;

/// <summary>
/// A working-day calendar (工作日历): which days are working days, for periods counted in working days such as a
/// publication window of five working days (公示期五个工作日). A day is a working day when it is a make-up working day
/// (调休上班), or when it is neither a weekend day nor a holiday.
/// </summary>
/// <remarks>
/// <para>
/// The holiday list comes from the integrator (the State Council publishes it every year), as do the make-up working
/// days: weekend days that are worked to bridge a holiday, e.g. Sunday 2024-04-07 after 清明节. A holiday may fall on
/// a weekend day (official lists often give the whole break, 2024-10-01..2024-10-07); that is harmless. A make-up day
/// must be a weekend day, and no day may be both a holiday and a make-up day.
/// </para>
/// <para>
/// Counting follows the way a deadline is read: <see cref="AddWorkingDays"/> does not count the day it starts from,
/// so five working days after a Tuesday publication end on the following Tuesday in a plain week. Every question is
/// answered in O(log h) for h holidays (plus at most six single days), whatever the distance.
/// </para>
/// </remarks>
[Immutable]
public sealed class WorkingDayCalendar
{
    private static readonly LocalDate Epoch = new(1970, 1, 1);
    private static readonly int MinDay = DayNumber(LocalDate.MinIsoValue);
    private static readonly int MaxDay = DayNumber(LocalDate.MaxIsoValue);

    private readonly ImmutableArray<bool> weekendByDay;     // indexed by (int)IsoDayOfWeek, 1..7
    private readonly ImmutableArray<int> closedWeekdays;    // holidays on days that would otherwise be worked, as day numbers
    private readonly ImmutableArray<int> makeUpDays;        // make-up working days, as day numbers
    private readonly int workingDaysPerWeek;

    /// <summary>Creates a calendar.</summary>
    /// <param name="holidays">The public holidays (法定节假日); duplicates are ignored.</param>
    /// <param name="makeUpWorkingDays">Weekend days that are working days (调休上班); duplicates are ignored.</param>
    /// <param name="weekend">The weekend days; <c>null</c> for Saturday and Sunday. May be empty (every day is a
    /// working day unless it is a holiday) but may not hold all seven days.</param>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> or <paramref name="makeUpWorkingDays"/> is <c>null</c>.</exception>
    /// <exception cref="GridGovernanceValidationException">A weekend day is not Monday to Sunday.</exception>
    /// <exception cref="GridGovernanceValidationException">Every day of the week is a weekend day; a date is not in the ISO calendar;
    /// a make-up day is not a weekend day; or a date is both a holiday and a make-up day.</exception>
    public WorkingDayCalendar(IEnumerable<LocalDate> holidays, IEnumerable<LocalDate> makeUpWorkingDays, IEnumerable<IsoDayOfWeek>? weekend = null)
    {
        Preconditions.CheckNotNull(holidays);
        Preconditions.CheckNotNull(makeUpWorkingDays);
        var weekendDays = (weekend ?? [IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday]).Distinct().Order().ToImmutableArray();
        foreach (var day in weekendDays)
        {
            Preconditions.CheckArgumentRange(nameof(weekend), (int)day, (int)IsoDayOfWeek.Monday, (int)IsoDayOfWeek.Sunday);
        }
        Preconditions.CheckArgument(weekendDays.Length < 7, nameof(weekend), "weekend must leave at least one day of the week as a working day.");
        var byDay = new bool[8];
        foreach (var day in weekendDays)
        {
            byDay[(int)day] = true;
        }

        var holidayList = holidays.Distinct().Order().ToImmutableArray();
        var makeUpList = makeUpWorkingDays.Distinct().Order().ToImmutableArray();
        foreach (var date in holidayList)
        {
            CheckIso(date, nameof(holidays));
        }
        var holidaySet = holidayList.ToHashSet();
        foreach (var date in makeUpList)
        {
            CheckIso(date, nameof(makeUpWorkingDays));
            Preconditions.CheckArgument(byDay[(int)date.DayOfWeek], nameof(makeUpWorkingDays),
                $"Make-up working day {date:yyyy-MM-dd} is a {date.DayOfWeek}, which is already a working day; a make-up day must be a weekend day.");
            Preconditions.CheckArgument(!holidaySet.Contains(date), nameof(makeUpWorkingDays),
                $"{date:yyyy-MM-dd} is listed both as a holiday and as a make-up working day.");
        }

        Weekend = weekendDays;
        Holidays = holidayList;
        MakeUpWorkingDays = makeUpList;
        weekendByDay = [.. byDay];
        workingDaysPerWeek = 7 - weekendDays.Length;
        closedWeekdays = [.. holidayList.Where(d => !byDay[(int)d.DayOfWeek]).Select(DayNumber)];
        makeUpDays = [.. makeUpList.Select(DayNumber)];
    }

    /// <summary>Saturday and Sunday off, no holidays: a plain five-day week.</summary>
    public static WorkingDayCalendar WeekendsOnly { get; } = new([], []);

    /// <summary>The weekend days, Monday first.</summary>
    public ImmutableArray<IsoDayOfWeek> Weekend { get; }

    /// <summary>The holidays, oldest first, without duplicates.</summary>
    public ImmutableArray<LocalDate> Holidays { get; }

    /// <summary>The make-up working days (调休上班), oldest first, without duplicates.</summary>
    public ImmutableArray<LocalDate> MakeUpWorkingDays { get; }

    /// <summary>Whether <paramref name="date"/> is a working day.</summary>
    /// <param name="date">A date in the ISO calendar.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="date"/> is not in the ISO calendar.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        CheckIso(date, nameof(date));
        int day = DayNumber(date);
        return IsWorking(day);
    }

    /// <summary>
    /// The date <paramref name="workingDays"/> working days after <paramref name="date"/> (before it when negative): the
    /// working day reached after stepping onto that many working days. The start day itself is not counted, so the
    /// result is always a working day unless <paramref name="workingDays"/> is zero, which returns <paramref name="date"/>.
    /// </summary>
    /// <param name="date">The day to count from, in the ISO calendar.</param>
    /// <param name="workingDays">How many working days to move; negative to move back.</param>
    /// <returns>The date; <see cref="WorkingDaysBetween"/>(<paramref name="date"/>, result) equals <paramref name="workingDays"/>.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="date"/> is not in the ISO calendar. The result would lie outside the dates NodaTime supports.</exception>
    public LocalDate AddWorkingDays(LocalDate date, int workingDays)
    {
        CheckIso(date, nameof(date));
        if (workingDays == 0)
        {
            return date;
        }
        int start = DayNumber(date);
        long wanted = Math.Abs((long)workingDays);
        // Each holiday costs at most one working day, and every full week gives workingDaysPerWeek of them.
        long bound = 7 * ((wanted + closedWeekdays.Length + workingDaysPerWeek - 1) / workingDaysPerWeek) + 7;
        if (workingDays > 0)
        {
            long hi = Math.Min(bound, (long)MaxDay - start);
            if (hi <= 0 || CountForward(start, start + (int)hi) < wanted)
            {
                throw Preconditions.InvalidInput(nameof(workingDays), ErrorCodes.DateOutOfRange,
                    string.Create(CultureInfo.InvariantCulture, $"There is no date {workingDays} working days after {date:yyyy-MM-dd} in the supported range."));
            }
            // The smallest k with at least `wanted` working days in (start, start + k].
            long lo = 1;
            while (lo < hi)
            {
                long mid = lo + (hi - lo) / 2;
                if (CountForward(start, start + (int)mid) >= wanted) hi = mid; else lo = mid + 1;
            }
            return Epoch.PlusDays(start + (int)lo);
        }
        else
        {
            long hi = Math.Min(bound, (long)start - MinDay);
            if (hi <= 0 || CountForward(start - (int)hi - 1, start - 1) < wanted)
            {
                throw Preconditions.InvalidInput(nameof(workingDays), ErrorCodes.DateOutOfRange,
                    string.Create(CultureInfo.InvariantCulture, $"There is no date {-(long)workingDays} working days before {date:yyyy-MM-dd} in the supported range."));
            }
            // The smallest k with at least `wanted` working days in [start - k, start).
            long lo = 1;
            while (lo < hi)
            {
                long mid = lo + (hi - lo) / 2;
                if (CountForward(start - (int)mid - 1, start - 1) >= wanted) hi = mid; else lo = mid + 1;
            }
            return Epoch.PlusDays(start - (int)lo);
        }
    }

    /// <summary>
    /// How many working days are stepped onto going from <paramref name="start"/> to <paramref name="end"/>: the working
    /// days after <paramref name="start"/> up to and including <paramref name="end"/>, or, when <paramref name="end"/> is
    /// earlier, minus the working days from <paramref name="end"/> up to but not including <paramref name="start"/>.
    /// </summary>
    /// <param name="start">The day to count from.</param>
    /// <param name="end">The day to count to.</param>
    /// <returns>Zero when the dates are equal; negative when <paramref name="end"/> is before <paramref name="start"/>.</returns>
    /// <exception cref="GridGovernanceValidationException">A date is not in the ISO calendar.</exception>
    public int WorkingDaysBetween(LocalDate start, LocalDate end)
    {
        CheckIso(start, nameof(start));
        CheckIso(end, nameof(end));
        int a = DayNumber(start);
        int b = DayNumber(end);
        return a <= b ? (int)CountForward(a, b) : -(int)CountForward(b - 1, a - 1);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"WorkingDayCalendar(weekend: {string.Join(",", Weekend)}; {Holidays.Length} holidays; {MakeUpWorkingDays.Length} make-up days)";

    private bool IsWorking(int day)
    {
        if (makeUpDays.BinarySearch(day) >= 0)
        {
            return true;
        }
        return !weekendByDay[(int)DayOfWeek(day)] && closedWeekdays.BinarySearch(day) < 0;
    }

    /// <summary>Working days in (from, to], for from &lt;= to, on day numbers.</summary>
    private long CountForward(int from, int to)
    {
        long days = (long)to - from;
        long fullWeeks = days / 7;
        long count = fullWeeks * workingDaysPerWeek;
        for (long d = from + fullWeeks * 7 + 1; d <= to; d++)
        {
            if (!weekendByDay[(int)DayOfWeek((int)d)])
            {
                count++;
            }
        }
        return count - CountIn(closedWeekdays, from, to) + CountIn(makeUpDays, from, to);
    }

    /// <summary>How many of the sorted values lie in (from, to].</summary>
    private static int CountIn(ImmutableArray<int> sorted, int from, int to) => UpperBound(sorted, to) - UpperBound(sorted, from);

    /// <summary>The number of values at most <paramref name="value"/>.</summary>
    private static int UpperBound(ImmutableArray<int> sorted, int value)
    {
        int i = sorted.BinarySearch(value);
        return i >= 0 ? i + 1 : ~i;
    }

    private static int DayNumber(LocalDate date) => Period.DaysBetween(Epoch, date);

    // 1970-01-01 was a Thursday.
    private static IsoDayOfWeek DayOfWeek(int day) => (IsoDayOfWeek)((((day % 7) + 7) % 7 + 3) % 7 + 1);

    private static void CheckIso(LocalDate date, string paramName) =>
        Preconditions.CheckArgument(date.Calendar == CalendarSystem.Iso, paramName, $"{paramName} must be in the ISO calendar; {date} is in {date.Calendar.Id}.");
}
