using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>A random calendar, zone, set of limits and an instant to ask at.</summary>
public sealed record OverdueCase(string Zone, int[] Holidays, int[] MakeUps, (int StartMinutes, int Days)[] Orders, int NowMinutes, int[] Untracked)
{
    public static readonly LocalDate Base = new(2024, 1, 1);

    public override string ToString() =>
        $"{Zone}; holidays [{string.Join(",", Holidays)}]; make-ups [{string.Join(",", MakeUps)}]; orders [{string.Join(",", Orders)}]; now +{NowMinutes}min; untracked [{string.Join(",", Untracked)}]";
}

public static class OverdueGenerators
{
    private static readonly string[] Zones = ["Asia/Shanghai", "UTC", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "Europe/London", "Australia/Lord_Howe"];

    public static Arbitrary<OverdueCase> Cases() =>
        (from zone in Gen.Elements(Zones)
         from holidays in Gen.ArrayOf(Gen.Choose(0, 120))
         from makeUps in Gen.ArrayOf(Gen.Choose(0, 120))
         from orders in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 60 * 24 * 60), Gen.Choose(1, 15)))
         from now in Gen.Choose(0, 90 * 24 * 60)
         from untracked in Gen.ArrayOf(Gen.Choose(0, 40))
         select new OverdueCase(zone, holidays, makeUps, orders, now, untracked)).ToArbitrary();
}

/// <summary>The overdue scan agrees with a day-by-day brute force across random calendars and zones.</summary>
public sealed class OverdueProperties
{
    [Property(Arbitrary = [typeof(OverdueGenerators)], MaxTest = 200)]
    public bool Index_AgreesWithBruteForce(OverdueCase c)
    {
        var zone = DateTimeZoneProviders.Tzdb[c.Zone];
        var holidays = c.Holidays.Select(d => OverdueCase.Base.PlusDays(d)).Distinct().ToHashSet();
        // Make-up days are weekend days that are not holidays (the calendar refuses anything else).
        var makeUps = c.MakeUps.Select(d => OverdueCase.Base.PlusDays(d))
            .Where(d => d.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday && !holidays.Contains(d)).Distinct().ToHashSet();
        var calendar = new WorkingDayCalendar(holidays, makeUps);
        var limits = new WorkOrderTimeLimits(calendar, zone);
        var origin = OverdueCase.Base.AtStartOfDayInZone(zone).ToInstant();
        var now = origin + Duration.FromMinutes(c.NowMinutes);

        var index = new OverdueIndex();
        var expected = new SortedSet<int>();
        for (int i = 0; i < c.Orders.Length; i++)
        {
            var (startMinutes, days) = c.Orders[i];
            var start = origin + Duration.FromMinutes(startMinutes);
            index.Track(new WorkOrderId(i + 1), limits.DueAt(start, days));
            if (BruteForceOverdue(start, days, now, zone, holidays, makeUps))
            {
                expected.Add(i + 1);
            }
        }
        foreach (int u in c.Untracked.Where(u => u < c.Orders.Length))
        {
            index.Untrack(new WorkOrderId(u + 1));
            expected.Remove(u + 1);
        }
        return index.Overdue(now).Select(id => id.Value).SequenceEqual(expected) && index.Count == c.Orders.Length - c.Untracked.Where(u => u < c.Orders.Length).Distinct().Count();
    }

    /// <summary>Step day by day from the start's local date until the n-th working day; overdue once now's local date is past it.</summary>
    private static bool BruteForceOverdue(Instant start, int days, Instant now, DateTimeZone zone, HashSet<LocalDate> holidays, HashSet<LocalDate> makeUps)
    {
        var day = start.InZone(zone).Date;
        int counted = 0;
        while (counted < days)
        {
            day = day.PlusDays(1);
            bool weekend = day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday;
            if (makeUps.Contains(day) || (!weekend && !holidays.Contains(day)))
            {
                counted++;
            }
        }
        return now.InZone(zone).Date > day;
    }

    [Property(MaxTest = 100)]
    public bool Retracking_ReportsEachOrderOnce_AtItsLatestLimit(int[] moves)
    {
        var index = new OverdueIndex();
        var latest = new Dictionary<int, long>();
        var origin = Instant.FromUtc(2024, 1, 1, 0, 0);
        foreach (int m in moves ?? [])
        {
            int id = (Math.Abs(m % 7)) + 1;
            long hours = Math.Abs((long)m / 7 % 100);
            index.Track(new WorkOrderId(id), origin + Duration.FromHours(hours));
            latest[id] = hours;
        }
        var now = origin + Duration.FromHours(50);
        var expected = latest.Where(kv => kv.Value <= 50).Select(kv => kv.Key).Order();
        return index.Overdue(now).Select(i => i.Value).SequenceEqual(expected);
    }
}
