using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using NodaTime;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>
/// Fuzzing the ledger request (issue 14): declarations, records and late adjustments with hostile item codes,
/// idempotency keys, tiers, evidence, values, sources and dates, on a ledger whose first quarter is frozen. Each call
/// either adds (or replays) an entry whose texts pass the input policy, or is refused with the library's exception
/// naming its fields, and then nothing was written.
/// </summary>
public sealed class LedgerRequestFuzzProperties : IDisposable
{
    private static readonly LocalDate Today = new(2024, 6, 3);
    private readonly LedgerFixture fixture = new();

    public LedgerRequestFuzzProperties()
    {
        fixture.FreezeQ1Async().GetAwaiter().GetResult();
        fixture.Today = Today;
    }

    public void Dispose() => fixture.Dispose();

    [Property(MaxTest = 80)]
    public Property Write_HostileRequests_AddAValidEntryOrAreRefusedWithAField() =>
        Prop.ForAll(CallGen().ToArbitrary(), call => LedgerFuzz.Holds(call, fixture.RunAsync, fixture.FingerprintAsync, Today));

    [Fact]
    public void TheFuzzedCalls_GetThrough_AndAreRefused()
    {
        // Some of each: the generator is no use if every call is refused, or if none is.
        var calls = CallGen().Sample(200);
        var outcomes = calls.Select(c => LedgerFuzz.Outcome(c, fixture.RunAsync, fixture.FingerprintAsync, Today)).ToList();
        Assert.All(outcomes, o => Assert.NotEqual("bug", o));
        Assert.Contains("added", outcomes);
        Assert.Contains("refused", outcomes);
    }

    internal static Gen<LedgerCall> CallGen() => LedgerFuzz.CallGen(Today, [M1, M2, M3, M4, M5]);
}

/// <summary>One fuzzed ledger write: which command, its source, request and adjustment day.</summary>
internal sealed record LedgerCall(string Command, LedgerSource Source, LedgerEntryRequest Request, LocalDate AdjustOn)
{
    public override string ToString() =>
        $"{Command} {Source} {Request.Member} item={Show(Request.ItemCode)} key={Show(Request.IdempotencyKey)} tier={Show(Request.Tier)} "
        + $"value={Request.Value} on={Request.OccurredOn:yyyy-MM-dd} adjustOn={AdjustOn:yyyy-MM-dd} evidence={Show(Request.Evidence)}";

    private static string Show(string? text) =>
        text is null ? "null" : text.Length > 40 ? $"({text.Length} chars)" : string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}

/// <summary>The generator and the property of the ledger fuzz, shared by the in-memory and the database runs.</summary>
internal static class LedgerFuzz
{
    private static readonly Actor Recorder = Actor.System("work-orders");

    /// <summary>Hostile calls, and one in four an ordinary declaration or record, so that the success path is fuzzed too.</summary>
    public static Gen<LedgerCall> CallGen(LocalDate today, MemberId[] members) =>
        Gen.Frequency((3, HostileCallGen(today, members)), (1, OrdinaryCallGen(today, members)));

    private static Gen<LedgerCall> OrdinaryCallGen(LocalDate today, MemberId[] members) =>
        from command in Gen.Elements("declare", "record")
        from member in Gen.Elements(members)
        from key in Gen.Choose(1, 1_000_000_000)
        from daysAgo in Gen.Choose(0, 60)
        from evidence in Gen.Elements(HostileInputs.OrdinaryTexts.ToArray())
        select new LedgerCall(command, LedgerSource.WorkOrder, new LedgerEntryRequest
        {
            Member = member,
            ItemCode = "themed-party-day",
            OccurredOn = today.PlusDays(-daysAgo),
            IdempotencyKey = "ordinary-" + key,
            Evidence = evidence,
        }, today);

    private static Gen<LedgerCall> HostileCallGen(LocalDate today, MemberId[] members) =>
        from command in Gen.Elements("declare", "record", "adjust")
        from source in Gen.Frequency((3, Gen.Constant(LedgerSource.WorkOrder)), (1, HostileInputs.EnumValues<LedgerSource>()))
        from member in Gen.Frequency((8, Gen.Elements(members)), (1, Gen.Elements(default(MemberId), new MemberId(4242))))
        from item in Gen.Frequency((3, Gen.Elements("themed-party-day", "volunteer", "petition", "late-dues", "correction", "base")), (2, HostileInputs.Strings()))
        from key in Gen.Frequency((2, Gen.Choose(1, 1_000_000).Select(n => "k-" + n)), (1, Gen.Elements("k-1", "k-2")), (2, HostileInputs.Strings()),
            (1, Gen.Constant(PointsLedgerService.ReversalKeyPrefix + "1")))
        from value in Gen.Frequency((2, Gen.Constant((Points?)null)), (2, Gen.Choose(-25, 25).Select(v => (Points?)Points.From(v))),
            (1, HostileInputs.PointsAmounts().Select(p => (Points?)p)))
        from tier in Gen.Frequency((3, Gen.Constant((string?)null)), (2, Gen.Elements<string?>("county", "city", "capital")), (1, HostileInputs.NullableStrings()))
        from evidence in HostileInputs.NullableStrings()
        from occurredOn in Gen.Frequency((2, HostileInputs.Dates(today)), (2, Gen.Choose(-150, 0).Select(today.PlusDays)))
        from adjustOn in Gen.Frequency((1, HostileInputs.Dates(today)), (3, Gen.Choose(-30, 0).Select(today.PlusDays)))
        from afterReminder in Gen.Elements(false, true)
        select new LedgerCall(command, source, new LedgerEntryRequest
        {
            Member = member,
            ItemCode = item,
            OccurredOn = occurredOn,
            IdempotencyKey = key,
            Value = value,
            Tier = tier,
            Evidence = evidence,
            AfterReminder = afterReminder,
        }, adjustOn);

    /// <summary>
    /// What a call did: <c>added</c> (or <c>replayed</c>) a valid entry, was <c>refused</c> with the library's
    /// exception and wrote nothing, or <c>bug</c> (with what went wrong).
    /// </summary>
    public static string Outcome(LedgerCall call, Func<Func<PointsLedgerService, Task<LedgerEntry>>, Task<LedgerEntry>> run, Func<Task<string>> fingerprint, LocalDate today)
    {
        string before = fingerprint().GetAwaiter().GetResult();
        LedgerEntry? entry = null;
        var e = Record.Exception(() => entry = run(s => Invoke(s, call)).GetAwaiter().GetResult());
        string after = fingerprint().GetAwaiter().GetResult();
        if (e is not null)
        {
            return !HostileInputs.IsLibraryRefusal(e) ? "bug: " + e.GetType().Name + ": " + e.Message
                : before != after ? "bug: refused but wrote " + e.Message
                : "refused";
        }
        var request = call.Request;
        bool valid = entry is not null
                     && entry.Member == request.Member && entry.ItemCode == request.ItemCode && entry.IdempotencyKey == request.IdempotencyKey
                     && InputPolicy.CheckText(entry.ItemCode, "ItemCode", null, InputPolicy.MaxKeyLength) is null
                     && InputPolicy.CheckText(entry.IdempotencyKey, "IdempotencyKey", null, 200) is null
                     && InputPolicy.CheckText(entry.Evidence, "Evidence", null, InputPolicy.MaxFreeTextLength, required: false, freeText: true) is null
                     && InputPolicy.CheckText(entry.Tier, "Tier", null, InputPolicy.MaxKeyLength, required: false) is null
                     && !entry.IdempotencyKey.StartsWith(PointsLedgerService.ReversalKeyPrefix, StringComparison.Ordinal)
                     && entry.OccurredOn <= today
                     && Math.Abs(entry.Points.Units) <= 2 * Points.From(1_000_000).Units
                     && (entry.Source == LedgerSource.Declaration) == (call.Command == "declare")
                     && Enum.IsDefined(entry.Source);
        if (!valid)
        {
            return "bug: an invalid entry " + entry;
        }
        bool replayed = before.Contains($"{entry!.Id} v", StringComparison.Ordinal);
        return replayed ? (before == after ? "replayed" : "bug: a replay wrote") : before == after ? "bug: nothing stored" : "added";
    }

    public static bool Holds(LedgerCall call, Func<Func<PointsLedgerService, Task<LedgerEntry>>, Task<LedgerEntry>> run, Func<Task<string>> fingerprint, LocalDate today)
    {
        string outcome = Outcome(call, run, fingerprint, today);
        return outcome.StartsWith("bug", StringComparison.Ordinal) ? throw new Xunit.Sdk.XunitException(outcome + " for " + call) : true;
    }

    private static Task<LedgerEntry> Invoke(PointsLedgerService service, LedgerCall call) => call.Command switch
    {
        "declare" => service.DeclareAsync(call.Request.Member.IsSpecified ? Actor.Member(call.Request.Member) : Recorder, Book, call.Request),
        "record" => service.RecordAsync(Recorder, Book, call.Source, call.Request),
        _ => service.RecordAdjustmentAsync(Recorder, Book, call.Source, call.Request, call.AdjustOn),
    };
}
