using NodaTime;

namespace GridGovernance.Tests;

public sealed class WorkingDayCalendarTest
{
    // 2024 国庆节: 10-1 to 10-7 off; Sunday 9-29 and Saturday 10-12 worked instead.
    private static readonly WorkingDayCalendar NationalDay = new(
        Enumerable.Range(1, 7).Select(d => new LocalDate(2024, 10, d)),
        [new LocalDate(2024, 9, 29), new LocalDate(2024, 10, 12)]);

    private static LocalDate D(int month, int day) => new(2024, month, day);

    [Fact]
    public void WeekendsOnly_WorksMondayToFriday()
    {
        var week = Enumerable.Range(0, 7).Select(i => D(6, 3).PlusDays(i)); // Monday 6-3 to Sunday 6-9
        Assert.Equal([true, true, true, true, true, false, false], week.Select(WorkingDayCalendar.WeekendsOnly.IsWorkingDay));
        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], WorkingDayCalendar.WeekendsOnly.Weekend.ToArray());
    }

    [Fact]
    public void Holidays_AreNotWorked_AndMakeUpDaysAre()
    {
        Assert.False(NationalDay.IsWorkingDay(D(10, 1)));   // Tuesday, holiday
        Assert.False(NationalDay.IsWorkingDay(D(10, 5)));   // Saturday, holiday and weekend
        Assert.True(NationalDay.IsWorkingDay(D(9, 29)));    // Sunday, make-up day
        Assert.True(NationalDay.IsWorkingDay(D(10, 12)));   // Saturday, make-up day
        Assert.False(NationalDay.IsWorkingDay(D(10, 13)));  // Sunday
        Assert.True(NationalDay.IsWorkingDay(D(10, 8)));
    }

    [Theory]
    [InlineData(9, 27, 1, 9, 29)]    // Friday → the make-up Sunday
    [InlineData(9, 30, 1, 10, 8)]    // over the whole break
    [InlineData(9, 30, 5, 10, 12)]   // 10-8 … 10-11, then the make-up Saturday
    [InlineData(10, 3, 1, 10, 8)]    // from inside the break
    [InlineData(10, 8, -1, 9, 30)]
    [InlineData(10, 8, -2, 9, 29)]
    [InlineData(10, 5, -1, 9, 30)]
    [InlineData(10, 5, 0, 10, 5)]    // zero stays put, even on a holiday
    public void AddWorkingDays_CountsOnlyWorkingDays(int month, int day, int workingDays, int toMonth, int toDay)
    {
        Assert.Equal(D(toMonth, toDay), NationalDay.AddWorkingDays(D(month, day), workingDays));
    }

    [Fact]
    public void AddWorkingDays_PlainWeeks()
    {
        var cal = WorkingDayCalendar.WeekendsOnly;
        Assert.Equal(D(6, 11), cal.AddWorkingDays(D(6, 4), 5));    // Tuesday + 5 → next Tuesday
        Assert.Equal(D(6, 10), cal.AddWorkingDays(D(6, 7), 1));    // Friday + 1 → Monday
        Assert.Equal(D(6, 10), cal.AddWorkingDays(D(6, 8), 1));    // Saturday + 1 → Monday
        Assert.Equal(D(6, 7), cal.AddWorkingDays(D(6, 10), -1));   // Monday − 1 → Friday
        Assert.Equal(new LocalDate(2025, 12, 1), cal.AddWorkingDays(new LocalDate(2024, 1, 1), 500)); // exactly 100 full weeks from a Monday
    }

    [Theory]
    [InlineData(9, 30, 10, 8, 1)]
    [InlineData(9, 27, 10, 12, 7)]   // 9-29, 9-30, 10-8, 10-9, 10-10, 10-11, 10-12
    [InlineData(10, 8, 9, 30, -1)]   // going back steps onto 9-30 only
    [InlineData(10, 8, 9, 27, -3)]   // 9-27, 9-29, 9-30
    [InlineData(10, 1, 10, 7, 0)]
    [InlineData(10, 1, 10, 1, 0)]
    public void WorkingDaysBetween_CountsTheDaysSteppedOnto(int m1, int d1, int m2, int d2, int expected)
    {
        Assert.Equal(expected, NationalDay.WorkingDaysBetween(D(m1, d1), D(m2, d2)));
    }

    [Fact]
    public void CustomWeekend_FridayOnly()
    {
        var cal = new WorkingDayCalendar([], [], [IsoDayOfWeek.Friday]);
        Assert.False(cal.IsWorkingDay(D(6, 7)));
        Assert.True(cal.IsWorkingDay(D(6, 8)));
        Assert.Equal(D(6, 8), cal.AddWorkingDays(D(6, 6), 1));
        Assert.Equal(6, cal.WorkingDaysBetween(D(6, 3), D(6, 10)));
    }

    [Fact]
    public void NoWeekend_EveryDayButHolidaysIsWorked()
    {
        var cal = new WorkingDayCalendar([D(6, 8)], [], []);
        Assert.Equal(D(6, 9), cal.AddWorkingDays(D(6, 7), 1));
        Assert.Empty(cal.Weekend);
    }

    [Fact]
    public void DuplicatesAreIgnored_AndListsAreSorted()
    {
        var cal = new WorkingDayCalendar([D(10, 2), D(10, 1), D(10, 2)], [D(9, 29), D(9, 29)]);
        Assert.Equal([D(10, 1), D(10, 2)], cal.Holidays.ToArray());
        Assert.Equal([D(9, 29)], cal.MakeUpWorkingDays.ToArray());
    }

    [Fact]
    public void Construction_RejectsBadInput()
    {
        Assert.Throws<ArgumentNullException>(() => new WorkingDayCalendar(null!, []));
        Assert.Throws<ArgumentNullException>(() => new WorkingDayCalendar([], null!));
        var weekday = Assert.Throws<GridGovernanceValidationException>(() => new WorkingDayCalendar([], [D(10, 8)]));
        Assert.Contains("2024-10-08", weekday.Message);
        var both = Assert.Throws<GridGovernanceValidationException>(() => new WorkingDayCalendar([D(9, 29)], [D(9, 29)]));
        Assert.Contains("both", both.Message);
        Assert.Throws<GridGovernanceValidationException>(() => new WorkingDayCalendar([], [], Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None)));
        Refused.With("weekend", ErrorCodes.OutOfRange, () => new WorkingDayCalendar([], [], [IsoDayOfWeek.None]));
        Assert.Throws<GridGovernanceValidationException>(() => new WorkingDayCalendar([new LocalDate(2024, 10, 1, CalendarSystem.Gregorian)], []));
        Assert.Throws<GridGovernanceValidationException>(() => WorkingDayCalendar.WeekendsOnly.IsWorkingDay(new LocalDate(1445, 1, 1, CalendarSystem.IslamicBcl)));
    }

    [Fact]
    public void AddWorkingDays_BeyondTheSupportedRange_Throws()
    {
        Refused.With("workingDays", ErrorCodes.DateOutOfRange, () => WorkingDayCalendar.WeekendsOnly.AddWorkingDays(LocalDate.MaxIsoValue.PlusDays(-3), 10));
        Refused.With("workingDays", ErrorCodes.DateOutOfRange, () => WorkingDayCalendar.WeekendsOnly.AddWorkingDays(LocalDate.MinIsoValue.PlusDays(3), -10));
        Refused.With("workingDays", ErrorCodes.DateOutOfRange, () => WorkingDayCalendar.WeekendsOnly.AddWorkingDays(new LocalDate(2024, 1, 1), int.MinValue));
    }
}
