using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>Reversals (冲销) and the export to the assessment engine.</summary>
public sealed partial class PointsLedgerServiceTest
{
    [Fact]
    public async Task Reverse_AppendsAReversalAndMarksTheOriginal()
    {
        var original = await fixture.RecordAsync(M1, "petition", D(5, 10), "k", tier: "city");

        var reversal = await fixture.ReverseAsync(original.Id, " wrong member ");

        var stored = await fixture.GetAsync(original.Id);
        Assert.Equal(LedgerEntryStatus.Reversed, stored.Status);
        Assert.Equal(reversal.Id, stored.ReversedBy);
        Assert.Equal("wrong member", stored.ReversalReason);
        Assert.Equal(LedgerEntryStatus.Approved, reversal.Status);
        Assert.Equal(original.Id, reversal.ReversalOf);
        Assert.True(reversal.IsReversal);
        Assert.Equal(-original.Points, reversal.Points);
        Assert.Equal((original.Member, original.ItemCode, original.OccurredOn, original.Tier), (reversal.Member, reversal.ItemCode, reversal.OccurredOn, reversal.Tier));
        Assert.Equal(LedgerSource.Adjustment, reversal.Source);
        Assert.Equal(LedgerActor.Of(Admin), reversal.Actor);
        Assert.Equal("wrong member", reversal.ReversalReason);
        Assert.False(reversal.CountsInAssessment);
        Assert.False(stored.CountsInAssessment);
        Assert.Equal(2, (await fixture.AllEntriesAsync()).Count);
    }

    [Fact]
    public async Task Reverse_Twice_ReturnsTheFirstReversal()
    {
        var original = await fixture.RecordAsync(M1, "themed-party-day", D(5, 10), "k");
        var first = await fixture.ReverseAsync(original.Id);
        var before = await fixture.FingerprintAsync();

        var again = await fixture.ReverseAsync(original.Id, "another reason");

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(before, await fixture.FingerprintAsync());
    }

    [Fact]
    public async Task Reverse_AReversal_IsRefused()
    {
        var original = await fixture.RecordAsync(M1, "themed-party-day", D(5, 10), "k");
        var reversal = await fixture.ReverseAsync(original.Id);

        await fixture.FailsAsync(ErrorCodes.LedgerReversalNotReversible, s => s.ReverseAsync(Admin, reversal.Id, "undo"));
    }

    [Fact]
    public async Task Reverse_ADeclaredOrRejectedEntry_IsAnIllegalTransition()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "d");
        var e = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.ReverseAsync(declared.Id));
        Assert.Equal(("Declared", "Reversed", "member:4"), (e.From, e.To, e.Actor));

        await fixture.RunAsync(s => s.RejectAsync(Secretary100, declared.Id, "no"));
        e = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.ReverseAsync(declared.Id));
        Assert.Equal("Rejected", e.From);
        Assert.Contains("final", e.Message);
    }

    [Fact]
    public async Task Reverse_WithoutReason_IsAnArgumentError()
    {
        var original = await fixture.RecordAsync(M1, "themed-party-day", D(5, 10), "k");
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.ReverseAsync(original.Id, ""));
        await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.RunAsync(s => s.ReverseAsync(null!, original.Id, "x")));
    }

    [Fact]
    public async Task Export_HoldsOnlyApprovedEntriesThatAreNeitherReversedNorReversals()
    {
        var approved = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 1), "a");
        await fixture.ApproveAsync(approved.Id);
        await fixture.DeclareAsync(M1, "themed-party-day", D(5, 2), "declared");
        var rejected = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 3), "rejected");
        await fixture.RunAsync(s => s.RejectAsync(Secretary100, rejected.Id, "no"));
        var reversed = await fixture.RecordAsync(M2, "themed-party-day", D(5, 4), "reversed");
        await fixture.ReverseAsync(reversed.Id);
        var recorded = await fixture.RecordAsync(M3, "volunteer", D(5, 5), "recorded", value: 2.5m);
        var tiered = await fixture.RecordAsync(M3, "petition", D(5, 6), "tiered", tier: "capital");
        await fixture.RecordAsync(M3, "themed-party-day", D(3, 31), "previous-quarter");
        await fixture.RecordAsync(M3, "themed-party-day", D(5, 6), "other-book", book: CreateBook("other"));

        var exported = await fixture.ExportAsync(AssessmentPeriod.Quarter(2024, 2));

        Assert.Equal([approved.Id.Value, recorded.Id.Value, tiered.Id.Value], exported.Select(e => e.Sequence));
        Assert.Equal(new AssessmentEntry(M1, Book.IndexOfItem("themed-party-day"), D(5, 1), approved.Id.Value), exported[0]);
        Assert.Equal(new AssessmentEntry(M3, Book.IndexOfItem("volunteer"), D(5, 5), recorded.Id.Value) { Value = P(2.5m) }, exported[1]);
        Assert.Equal(new AssessmentEntry(M3, Book.IndexOfItem("petition"), D(5, 6), tiered.Id.Value) { Tier = 3 }, exported[2]);
    }

    [Fact]
    public async Task Export_GroupsEntriesByMember_InRecordedOrderWithinAMember()
    {
        var third = await fixture.RecordAsync(M3, "themed-party-day", D(5, 1), "a");
        var first = await fixture.RecordAsync(M1, "themed-party-day", D(5, 9), "b");
        var fourth = await fixture.RecordAsync(M3, "themed-party-day", D(4, 2), "c");
        var second = await fixture.RecordAsync(M1, "themed-party-day", D(4, 3), "d");

        var exported = await fixture.ExportAsync(AssessmentPeriod.Quarter(2024, 2));

        Assert.Equal([first.Id.Value, second.Id.Value, third.Id.Value, fourth.Id.Value], exported.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Export_EntryOfAnItemTheRuleBookNoLongerHas_IsRefused()
    {
        await fixture.RecordAsync(M1, "themed-party-day", D(5, 1), "a");
        var smaller = RuleBook.Create(Book.Definition with { Items = [.. Book.Definition.Items.Where(i => i.Code != "themed-party-day")] });

        var e = await Assert.ThrowsAsync<GridGovernanceException>(() => fixture.ExportAsync(AssessmentPeriod.Quarter(2024, 2), smaller));
        Assert.Equal(ErrorCodes.LedgerUnknownItem, e.Code);
        Assert.Contains("themed-party-day", e.Message);
    }

    [Fact]
    public async Task Assess_WithOriginalAndReversal_EqualsAssessingWithoutEither()
    {
        var q2 = AssessmentPeriod.Quarter(2024, 2);
        var twin = CreateBook("twin");
        await fixture.RecordAsync(M1, "volunteer", D(4, 1), "v1", value: 5);
        var wrong = await fixture.RecordAsync(M1, "volunteer", D(4, 2), "v2", value: 3);
        await fixture.RecordAsync(M1, "volunteer", D(4, 3), "v3", value: 1);
        await fixture.RecordAsync(M1, "volunteer", D(4, 1), "t1", value: 5, book: twin);
        await fixture.RecordAsync(M1, "volunteer", D(4, 3), "t3", value: 1, book: twin);
        var withOriginal = await fixture.AssessAsync(q2);

        await fixture.ReverseAsync(wrong.Id);
        var withBoth = await fixture.AssessAsync(q2);
        var withoutEither = await fixture.AssessAsync(q2, twin);

        // The refuse cap of 8 is full after v1 + v2, so v3 only counts once v2 is reversed.
        Assert.Equal(P(28), withOriginal[M1].Total);
        Assert.Equal(P(26), withBoth[M1].Total);
        foreach (var member in Roster.Select(r => r.Member))
        {
            Assert.Equal(withoutEither[member].CategoryTotals.ToArray(), withBoth[member].CategoryTotals.ToArray());
            Assert.Equal(withoutEither[member].Score, withBoth[member].Score);
            Assert.Equal(withoutEither[member].ItemCounts.ToArray(), withBoth[member].ItemCounts.ToArray());
        }
    }
}
