using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using NodaTime;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>An entry a property writes to the ledger: who, which item, which day of the quarter, and what to do with it.</summary>
public sealed record PlannedEntry(int Member, string Item, int Day, decimal? Value, string? Tier, bool AfterReminder, bool Declare, bool Reverse)
{
    public LedgerEntryRequest ToRequest(LocalDate quarterStart, string key) =>
        Request(new MemberId(Member), Item, quarterStart.PlusDays(Day), key, Value, Tier) with { AfterReminder = AfterReminder };
}

/// <summary>A write tried after a period was frozen.</summary>
public enum LaterOpKind
{
    Declare,
    Record,
    Approve,
    Reverse,
    Adjust,
}

/// <summary>A later write: its kind, the entry it would write (its day counted from 2024-04-01, so negative days fall in the frozen Q1), and which existing entry it targets.</summary>
public sealed record LaterOp(LaterOpKind Kind, PlannedEntry Entry, int DayFromApril, int Target);

/// <summary>A random working-day calendar around 2024 and a question to ask it.</summary>
public sealed record CalendarCase(IsoDayOfWeek[] Weekend, int[] Holidays, int[] MakeUps, int Start, int WorkingDays, int Other)
{
    public static readonly LocalDate Base = new(2024, 1, 1);

    public override string ToString() =>
        $"weekend [{string.Join(",", Weekend)}], holidays [{string.Join(",", Holidays)}], make-ups [{string.Join(",", MakeUps)}], start {Start}, n {WorkingDays}, other {Other}";
}

public static class LedgerGenerators
{
    private static readonly string[] Items = ["themed-party-day", "volunteer", "petition", "late-dues", "correction"];
    private static readonly string[] Tiers = ["county", "city", "province", "capital"];

    public static Arbitrary<PlannedEntry[]> Entries() => Gen.ArrayOf(Entry(90)).ToArbitrary();

    public static Arbitrary<LaterOp[]> LaterOps() =>
        Gen.ArrayOf(
            from kind in Gen.Elements(Enum.GetValues<LaterOpKind>())
            from entry in Entry(90)
            from day in Gen.Choose(-60, 60)
            from target in Gen.Choose(0, 1000)
            select new LaterOp(kind, entry, day, target)).ToArbitrary();

    public static Arbitrary<CalendarCase> Calendars() =>
        (from weekendFlags in Gen.ArrayOf(Gen.Frequency((2, Gen.Constant(true)), (5, Gen.Constant(false))), 7)
         from holidays in Gen.ArrayOf(Gen.Choose(0, 200))
         from makeUps in Gen.ArrayOf(Gen.Choose(0, 200))
         from start in Gen.Choose(0, 200)
         from n in Gen.Choose(-60, 60)
         from other in Gen.Choose(-30, 230)
         let weekend = Enumerable.Range(1, 7).Where(d => weekendFlags[d - 1]).Take(6).Select(d => (IsoDayOfWeek)d).ToArray()
         select new CalendarCase(weekend, holidays, makeUps, start, n, other)).ToArbitrary();

    private static Gen<PlannedEntry> Entry(int days) =>
        from member in Gen.Choose(1, 5)
        from item in Gen.Elements(Items)
        from day in Gen.Choose(0, days - 1)
        from half in Gen.Choose(2, 10)
        from signedHalf in Gen.Choose(-6, 6)
        from tier in Gen.Elements(Tiers)
        from reminder in Gen.Elements(false, true)
        from declare in Gen.Elements(false, true)
        from reverse in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
        select new PlannedEntry(member, item, day,
            item switch { "volunteer" => half / 2m, "correction" => signedHalf / 2m, _ => null },
            item == "petition" ? tier : null,
            reminder, declare, reverse);
}

public sealed class LedgerProperties
{
    private static readonly LocalDate Q2Start = new(2024, 4, 1);
    private static readonly LocalDate Q1Start = new(2024, 1, 1);

    [Property(Arbitrary = [typeof(LedgerGenerators)], MaxTest = 30)]
    public bool ReversalCancelsItsOriginalExactly(PlannedEntry[] planned)
    {
        using var fixture = new LedgerFixture();
        fixture.Today = new LocalDate(2024, 6, 30);
        var twin = CreateBook("twin");
        var q2 = AssessmentPeriod.Quarter(2024, 2);
        Run(async () =>
        {
            for (int i = 0; i < planned.Length; i++)
            {
                var p = planned[i];
                var entry = await WriteAsync(fixture, Book, p, p.ToRequest(Q2Start, "main:" + i));
                if (p.Reverse)
                {
                    await fixture.ReverseAsync(entry.Id);
                }
                else
                {
                    await WriteAsync(fixture, twin, p, p.ToRequest(Q2Start, "twin:" + i));
                }
            }
        });
        var withReversals = Run(() => fixture.AssessAsync(q2));
        var withoutEither = Run(() => fixture.AssessAsync(q2, twin));
        return Roster.All(r => SameResult(withReversals[r.Member], withoutEither[r.Member]));
    }

    [Property(Arbitrary = [typeof(LedgerGenerators)], MaxTest = 25)]
    public bool FrozenPeriodsPublishedResultsNeverChange(PlannedEntry[] initial, LaterOp[] later)
    {
        using var fixture = new LedgerFixture();
        var q1 = AssessmentPeriod.Quarter(2024, 1);
        fixture.Today = new LocalDate(2024, 3, 31);
        Run(async () =>
        {
            for (int i = 0; i < initial.Length; i++)
            {
                await fixture.RecordAsync(new MemberId(initial[i].Member), initial[i].Item, Q1Start.PlusDays(initial[i].Day), "q1:" + i, initial[i].Value, initial[i].Tier);
            }
        });
        var frozen = Run(fixture.FreezeQ1Async);
        var frozenResults = Run(() => fixture.ResultsAsync(frozen.Id));
        var q1Entries = Run(() => fixture.ExportAsync(q1));
        fixture.Today = new LocalDate(2024, 6, 3);

        Run(async () =>
        {
            for (int i = 0; i < later.Length; i++)
            {
                await TryAsync(() => ApplyAsync(fixture, later[i], "later:" + i));
            }
        });

        var published = Run(() => fixture.RunAsync(s => s.GetPublicationAsync(frozen.Id)));
        var publishedResults = Run(() => fixture.ResultsAsync(frozen.Id));
        var reassessed = Run(() => fixture.AssessAsync(q1));
        return published.IsFrozen
               && published.Revision == frozen.Revision
               && publishedResults.Version == frozenResults.Version
               && publishedResults.Results.SequenceEqual(frozenResults.Results)
               && reassessed.Members.Select(PublishedMemberResult.From).SequenceEqual(frozenResults.Results)
               && Run(() => fixture.ExportAsync(q1)).SequenceEqual(q1Entries);
    }

    [Property(Arbitrary = [typeof(LedgerGenerators)], MaxTest = 300)]
    public bool AddWorkingDays_AgreesWithCountingDayByDay(CalendarCase c)
    {
        var weekend = c.Weekend.ToHashSet();
        var holidays = c.Holidays.Select(d => CalendarCase.Base.PlusDays(d)).ToHashSet();
        var makeUps = c.MakeUps.Select(d => CalendarCase.Base.PlusDays(d)).Where(d => weekend.Contains(d.DayOfWeek) && !holidays.Contains(d)).ToHashSet();
        var calendar = new WorkingDayCalendar(holidays, makeUps, weekend);
        bool Working(LocalDate d) => makeUps.Contains(d) || (!weekend.Contains(d.DayOfWeek) && !holidays.Contains(d));

        var start = CalendarCase.Base.PlusDays(c.Start);
        var expected = start;
        for (int left = Math.Abs(c.WorkingDays); left > 0;)
        {
            expected = expected.PlusDays(Math.Sign(c.WorkingDays));
            if (Working(expected))
            {
                left--;
            }
        }

        var other = CalendarCase.Base.PlusDays(c.Other);
        int between = other >= start
            ? Enumerable.Range(1, Period.DaysBetween(start, other)).Count(i => Working(start.PlusDays(i)))
            : -Enumerable.Range(0, Period.DaysBetween(other, start)).Count(i => Working(other.PlusDays(i)));

        return calendar.AddWorkingDays(start, c.WorkingDays) == expected
               && calendar.WorkingDaysBetween(start, expected) == c.WorkingDays
               && calendar.WorkingDaysBetween(start, other) == between
               && Enumerable.Range(-10, 230).All(i => calendar.IsWorkingDay(CalendarCase.Base.PlusDays(i)) == Working(CalendarCase.Base.PlusDays(i)));
    }

    private static async Task<LedgerEntry> WriteAsync(LedgerFixture fixture, RuleBook book, PlannedEntry p, LedgerEntryRequest request)
    {
        if (!p.Declare)
        {
            return await fixture.RunAsync(s => s.RecordAsync(LedgerFixture.WorkOrders, book, LedgerSource.Automatic, request));
        }
        var declared = await fixture.RunAsync(s => s.DeclareAsync(InPerson(request.Member), book, request));
        var reviewer = DistrictReviewerOf(request.Member);
        return await fixture.RunAsync(s => s.ApproveAsync(reviewer, book, declared.Id));
    }

    private static async Task ApplyAsync(LedgerFixture fixture, LaterOp op, string key)
    {
        var request = Request(new MemberId(op.Entry.Member), op.Entry.Item, Q2Start.PlusDays(op.DayFromApril), key, op.Entry.Value, op.Entry.Tier);
        var all = await fixture.AllEntriesAsync();
        LedgerEntry? Target(Func<LedgerEntry, bool> which)
        {
            var candidates = all.Where(which).OrderBy(e => e.Id).ToList();
            return candidates.Count == 0 ? null : candidates[op.Target % candidates.Count];
        }
        switch (op.Kind)
        {
            case LaterOpKind.Declare:
                await fixture.RunAsync(s => s.DeclareAsync(InPerson(request.Member), Book, request));
                break;
            case LaterOpKind.Record:
                await fixture.RunAsync(s => s.RecordAsync(LedgerFixture.WorkOrders, Book, LedgerSource.Claim, request));
                break;
            case LaterOpKind.Approve when Target(e => e.Status == LedgerEntryStatus.Declared) is LedgerEntry declared:
                await fixture.RunAsync(s => s.ApproveAsync(DistrictReviewerOf(declared.Member), Book, declared.Id));
                break;
            case LaterOpKind.Reverse when Target(_ => true) is LedgerEntry any:
                await fixture.ReverseAsync(any.Id);
                break;
            case LaterOpKind.Adjust:
                await fixture.RunAsync(s => s.RecordAdjustmentAsync(Admin, Book, LedgerSource.Adjustment, request, fixture.Today));
                break;
        }
    }

    /// <summary>Runs a write that the rules may refuse; only the library's own refusals are expected.</summary>
    private static async Task TryAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (GridGovernanceException)
        {
        }
    }

    private static bool SameResult(MemberAssessment a, MemberAssessment b) =>
        a.CategoryTotals.SequenceEqual(b.CategoryTotals) && a.ItemCounts.SequenceEqual(b.ItemCounts)
        && a.Awarded == b.Awarded && a.Deducted == b.Deducted && a.Clipped == b.Clipped && a.Score == b.Score
        && a.Vetoed == b.Vetoed && a.IgnoredEntries == b.IgnoredEntries;

    private static void Run(Func<Task> action) => action().GetAwaiter().GetResult();

    private static T Run<T>(Func<Task<T>> action) => action().GetAwaiter().GetResult();
}
