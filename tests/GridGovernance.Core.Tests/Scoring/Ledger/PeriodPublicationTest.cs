using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using Microsoft.Extensions.DependencyInjection;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>Publication (公示): the window in working days, objections, freezing, frozen periods and adjustments.</summary>
public sealed class PeriodPublicationTest : IDisposable
{
    // 2024 清明节: Thursday 4-4 to Saturday 4-6 off, Sunday 4-7 worked instead.
    private static readonly WorkingDayCalendar Qingming = new([D(4, 4), D(4, 5), D(4, 6)], [D(4, 7)]);

    private readonly LedgerFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    private Task SeedQ1Async()
    {
        fixture.Today = D(3, 31);
        return Task.WhenAll(
            fixture.RecordAsync(M1, "themed-party-day", D(1, 10), "q1-a"),
            fixture.RecordAsync(M3, "volunteer", D(2, 10), "q1-b", value: 4));
    }

    [Fact]
    public async Task Publish_StoresTheSnapshotAndAWindowOfWorkingDays()
    {
        await SeedQ1Async();
        var result = await fixture.AssessAsync(AssessmentPeriod.Quarter(2024, 1));

        var publication = await fixture.RunOnAsync(D(4, 2), s => s.PublishAsync(Admin, result, 5, Qingming));

        // Working days after Tuesday 4-2: Wed 4-3, Sun 4-7 (make-up), Mon 4-8, Tue 4-9, Wed 4-10.
        Assert.Equal(D(4, 10), publication.WindowClosesOn);
        Assert.Equal(D(4, 2), publication.PublishedOn);
        Assert.Equal(5, publication.WindowWorkingDays);
        Assert.Equal(new PeriodPublicationId(Book.Id, "2024-Q1"), publication.Id);
        Assert.Equal(PublicationStatus.Published, publication.Status);
        var published = await fixture.ResultsAsync(publication.Id);
        Assert.Equal(publication.Id, published.Id);
        Assert.Equal(0, published.Revision);
        Assert.Equal(Book.Version, published.RuleBookVersion);
        Assert.Equal(["party-day", "service", "conduct"], published.CategoryCodes.ToArray());
        Assert.Equal(Roster.Length, published.Results.Length);
        var m3 = published.ResultOf(M3)!;
        Assert.Equal(result[M3].Total, m3.Total);
        Assert.Equal(P(4), m3.CategoryTotals[1]);
        Assert.Equal(PublishedMemberResult.From(result[M1]), published.ResultOf(M1));
        Assert.Equal(Roster.Length, Assert.IsType<PeriodPublicationPublished>(Assert.Single(publication.DomainEvents)).Members);
        var e = Assert.IsType<PeriodPublicationPublished>(Assert.Single(publication.DomainEvents));
        Assert.Equal(D(4, 10), e.WindowClosesOn);
        Assert.Equal(publication.Id, (await fixture.RunAsync(s => s.GetPublicationAsync(publication.Id))).Id);
    }

    [Fact]
    public async Task Publish_OnAFridayWithPlainWeekends_SkipsTheWeekend()
    {
        var result = await fixture.AssessAsync(AssessmentPeriod.Month(2024, 4));
        var publication = await fixture.RunOnAsync(D(5, 3), s => s.PublishAsync(Admin, result, 3, WorkingDayCalendar.WeekendsOnly));
        Assert.Equal(D(5, 8), publication.WindowClosesOn);
    }

    [Fact]
    public async Task Publish_BeforeThePeriodEnded_IsRefused()
    {
        var result = await fixture.AssessAsync(AssessmentPeriod.Quarter(2024, 2));
        fixture.Today = D(6, 30);
        await fixture.FailsAsync(ErrorCodes.PublicationPeriodNotEnded, s => s.PublishAsync(Admin, result, 5, Qingming));
    }

    [Fact]
    public async Task Publish_Twice_IsRefused()
    {
        var published = await fixture.PublishQ1Async();
        var result = await fixture.AssessAsync(AssessmentPeriod.Quarter(2024, 1));
        await fixture.FailsAsync(ErrorCodes.PeriodAlreadyPublished, s => s.PublishAsync(Admin, result, 5, Qingming));
        Assert.Equal(published.Version, (await fixture.RunAsync(s => s.GetPublicationAsync(published.Id))).Version);
    }

    [Fact]
    public async Task Publish_WindowOutOfRange_IsAnArgumentError()
    {
        var result = await fixture.AssessAsync(AssessmentPeriod.Quarter(2024, 1));
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.PublishAsync(Admin, result, 0, Qingming)));
    }

    [Fact]
    public async Task Objection_InsideTheWindow_IncludingItsLastDay_IsRecorded()
    {
        await SeedQ1Async();
        var publication = await fixture.PublishQ1Async(Qingming);

        var first = await fixture.RunOnAsync(D(4, 2), s => s.RaiseObjectionAsync(InPerson(M3), publication.Id, "I volunteered on 2-10 too", M3));
        var last = await fixture.RunOnAsync(D(4, 10), s => s.RaiseObjectionAsync(InPerson(M5), publication.Id, "again"));

        Assert.Equal((1, ObjectionStatus.Open, M3, D(4, 2)), (first.Number, first.Status, first.Concerning!.Value, first.RaisedOn));
        Assert.Equal(2, last.Number);
        Assert.Equal(2, (await fixture.RunAsync(s => s.GetPublicationAsync(publication.Id))).Objections.Length);
    }

    [Fact]
    public async Task Objection_AfterTheWindow_IsRefused()
    {
        var publication = await fixture.PublishQ1Async(Qingming);
        fixture.Today = D(4, 11);
        var e = await fixture.FailsAsync(ErrorCodes.PublicationObjectionWindowClosed, s => s.RaiseObjectionAsync(InPerson(M1), publication.Id, "late"));
        Assert.Contains("2024-04-10", e.Message);
    }

    [Fact]
    public async Task Objection_ToAFrozenPeriod_IsRefused()
    {
        var frozen = await fixture.FreezeQ1Async();
        await fixture.FailsAsync(ErrorCodes.PublicationObjectionWindowClosed, s => s.RaiseObjectionAsync(InPerson(M1), frozen.Id, "late"));
    }

    [Fact]
    public async Task Freeze_WhileTheWindowIsOpen_IsRefused()
    {
        var publication = await fixture.PublishQ1Async(Qingming);
        fixture.Today = D(4, 10);
        await fixture.FailsAsync(ErrorCodes.PublicationWindowOpen, s => s.FreezeAsync(Admin, publication.Id));
    }

    [Fact]
    public async Task Freeze_WithAnOpenObjection_IsRefusedUntilItIsResolved()
    {
        var publication = await fixture.PublishQ1Async();
        await fixture.RunOnAsync(D(4, 3), s => s.RaiseObjectionAsync(InPerson(M1), publication.Id, "check M1"));
        await fixture.RunOnAsync(D(4, 3), s => s.RaiseObjectionAsync(InPerson(M2), publication.Id, "check M2"));
        await fixture.RunOnAsync(D(4, 5), s => s.ResolveObjectionAsync(Admin, publication.Id, 1, ObjectionStatus.Dismissed, "sign-in sheet checked"));

        fixture.Today = D(4, 12);
        var e = await fixture.FailsAsync(ErrorCodes.PublicationOpenObjections, s => s.FreezeAsync(Admin, publication.Id));
        Assert.Contains("2", e.Message);

        var resolved = await fixture.RunAsync(s => s.ResolveObjectionAsync(Admin, publication.Id, 2, ObjectionStatus.Upheld, " corrected "));
        Assert.Equal((ObjectionStatus.Upheld, "corrected", D(4, 12)), (resolved.Status, resolved.ResolutionNote, resolved.ResolvedOn!.Value));

        var frozen = await fixture.RunAsync(s => s.FreezeAsync(Admin, publication.Id));
        Assert.Equal(PublicationStatus.Frozen, frozen.Status);
        Assert.Equal(D(4, 12), frozen.FrozenOn);
        Assert.Equal(LedgerActor.Of(Admin), frozen.FrozenBy);
        Assert.IsType<PeriodPublicationFrozen>(Assert.Single(frozen.DomainEvents));
    }

    [Fact]
    public async Task Freeze_Twice_IsAnIllegalTransition()
    {
        var frozen = await fixture.FreezeQ1Async();
        var e = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.RunAsync(s => s.FreezeAsync(Admin, frozen.Id)));
        Assert.Equal(("Frozen", "Frozen", Admin.AuditName), (e.From, e.To, e.Actor));
    }

    [Fact]
    public async Task ResolveObjection_Twice_OrToOpen_IsAnIllegalTransition()
    {
        var publication = await fixture.PublishQ1Async();
        await fixture.RunOnAsync(D(4, 3), s => s.RaiseObjectionAsync(InPerson(M1), publication.Id, "check"));

        var toOpen = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.RunAsync(s => s.ResolveObjectionAsync(Admin, publication.Id, 1, ObjectionStatus.Open, "n")));
        Assert.Equal(("Open", "Open"), (toOpen.From, toOpen.To));
        await fixture.RunAsync(s => s.ResolveObjectionAsync(Admin, publication.Id, 1, ObjectionStatus.Dismissed, "n"));
        var twice = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.RunAsync(s => s.ResolveObjectionAsync(Admin, publication.Id, 1, ObjectionStatus.Upheld, "n")));
        Assert.Equal(("Dismissed", "Upheld", Admin.AuditName), (twice.From, twice.To, twice.Actor));
    }

    [Fact]
    public async Task ResolveObjection_UnknownNumberOrNoNote_IsRefused()
    {
        var publication = await fixture.PublishQ1Async();
        await fixture.FailsAsync(ErrorCodes.PublicationUnknownObjection, s => s.ResolveObjectionAsync(Admin, publication.Id, 1, ObjectionStatus.Dismissed, "n"));
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.ResolveObjectionAsync(Admin, publication.Id, 1, ObjectionStatus.Dismissed, " ")));
    }

    [Fact]
    public async Task Revise_AfterAnUpheldObjection_ReplacesTheSnapshotUntilFrozen()
    {
        await SeedQ1Async();
        var publication = await fixture.PublishQ1Async();
        var wrong = (await fixture.AllEntriesAsync()).Single(e => e.Member == M3);
        await fixture.RunOnAsync(D(4, 3), s => s.RaiseObjectionAsync(InPerson(M3), publication.Id, "I was away", M3));
        await fixture.RunAsync(s => s.ReverseAsync(Admin, wrong.Id, "objection 1 upheld"));
        await fixture.RunAsync(s => s.ResolveObjectionAsync(Admin, publication.Id, 1, ObjectionStatus.Upheld, "reversed"));

        var corrected = await fixture.AssessAsync(AssessmentPeriod.Quarter(2024, 1));
        var before = await fixture.ResultsAsync(publication.Id);
        var revised = await fixture.RunAsync(s => s.ReviseAsync(Admin, corrected));

        Assert.Equal(1, revised.Revision);
        var results = await fixture.ResultsAsync(publication.Id);
        Assert.Equal(1, results.Revision);
        Assert.Equal(before.Version + 1, results.Version);
        Assert.Equal(P(4), before.ResultOf(M3)!.CategoryTotals[1]);
        Assert.Equal(P(0), results.ResultOf(M3)!.CategoryTotals[1]);
        await fixture.RunOnAsync(D(4, 10), s => s.FreezeAsync(Admin, publication.Id));
        await fixture.FailsAsync(ErrorCodes.LedgerPeriodFrozen, s => s.ReviseAsync(Admin, corrected));
    }

    [Fact]
    public async Task FrozenPeriod_RefusesNewApprovedAndReversedEntries()
    {
        await SeedQ1Async();
        fixture.Today = D(3, 31);
        var pending = await fixture.DeclareAsync(M1, "themed-party-day", D(3, 20), "pending");
        var counted = (await fixture.AllEntriesAsync()).Single(e => e.IdempotencyKey == "q1-a");
        await fixture.FreezeQ1Async();
        fixture.Today = D(5, 6);

        foreach (var (name, operation) in new (string, Func<PointsLedgerService, Task<LedgerEntry>>)[]
        {
            ("declare", s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "themed-party-day", D(3, 31), "late"))),
            ("record", s => s.RecordAsync(LedgerFixture.WorkOrders, Book, LedgerSource.Claim, Request(M1, "themed-party-day", D(1, 1), "late"))),
            ("reverse", s => s.ReverseAsync(Admin, counted.Id, "late")),
            ("approve", s => s.ApproveAsync(Secretary100, Book, pending.Id)),
        })
        {
            var e = await fixture.FailsAsync(ErrorCodes.LedgerPeriodFrozen, operation);
            Assert.True(e.Message.Contains("2024-Q1", StringComparison.Ordinal), name);
        }

        // A pending declaration can still be rejected; other rule books and open periods are unaffected.
        await fixture.RunAsync(s => s.RejectAsync(Secretary100, pending.Id, "period frozen; recorded as an adjustment"));
        await fixture.RecordAsync(M1, "themed-party-day", D(3, 31), "other-book", book: CreateBook("other"));
        await fixture.DeclareAsync(M1, "themed-party-day", D(4, 1), "open-period");
    }

    [Fact]
    public async Task Adjustment_LandsInTheOpenPeriodAndNamesTheFrozenOne()
    {
        await SeedQ1Async();
        var frozen = await fixture.FreezeQ1Async();
        var q1Results = await fixture.ResultsAsync(frozen.Id);
        var q1Before = await fixture.AssessAsync(AssessmentPeriod.Quarter(2024, 1));
        fixture.Today = D(5, 6);

        var adjustment = await fixture.RunAsync(s => s.RecordAdjustmentAsync(Admin, Book, LedgerSource.Adjustment,
            Request(M1, "themed-party-day", D(3, 25), "late-party-day"), D(5, 6)));

        Assert.Equal(LedgerEntryStatus.Approved, adjustment.Status);
        Assert.Equal(D(5, 6), adjustment.OccurredOn);
        Assert.Equal(D(3, 25), adjustment.OriginallyOccurredOn);
        Assert.Equal("2024-Q1", adjustment.AdjustsFrozenPeriod);
        Assert.True(adjustment.IsAdjustment);
        Assert.Equal("2024-Q1", Assert.IsType<LedgerEntryRecorded>(Assert.Single(adjustment.DomainEvents)).AdjustsFrozenPeriod);

        var q1After = await fixture.AssessAsync(AssessmentPeriod.Quarter(2024, 1));
        var q2 = await fixture.AssessAsync(AssessmentPeriod.Quarter(2024, 2));
        Assert.Equal(q1Before[M1].Total, q1After[M1].Total);
        Assert.Equal(P(1), q2[M1].CategoryTotals[0]);
        Assert.Equal(q1Results.Results.ToArray(), (await fixture.ResultsAsync(frozen.Id)).Results.ToArray());

        // Idempotent like every other write.
        var again = await fixture.RunAsync(s => s.RecordAdjustmentAsync(Admin, Book, LedgerSource.Adjustment,
            Request(M1, "themed-party-day", D(3, 25), "late-party-day"), D(5, 6)));
        Assert.Equal(adjustment.Id, again.Id);
    }

    [Fact]
    public async Task Adjustment_TakingBackPointsOfAFrozenPeriod_UsesACorrectionItem()
    {
        await SeedQ1Async();
        await fixture.FreezeQ1Async();
        fixture.Today = D(5, 6);

        var adjustment = await fixture.RunAsync(s => s.RecordAdjustmentAsync(Admin, Book, LedgerSource.Adjustment,
            Request(M3, "correction", D(2, 10), "take-back", -4), D(5, 6)));

        var q2 = await fixture.AssessAsync(AssessmentPeriod.Quarter(2024, 2));
        Assert.Equal(P(-4), adjustment.Points);
        Assert.Equal(P(16), q2[M3].Total);
    }

    [Fact]
    public async Task Adjustment_OfADateInNoFrozenPeriod_OrIntoAFrozenPeriod_IsRefused()
    {
        await fixture.FreezeQ1Async();
        fixture.Today = D(5, 6);
        var open = Request(M1, "themed-party-day", D(4, 20), "a");
        var late = Request(M1, "themed-party-day", D(3, 20), "b");

        await fixture.FailsAsync(ErrorCodes.LedgerNotInFrozenPeriod, s => s.RecordAdjustmentAsync(Admin, Book, LedgerSource.Adjustment, open, D(5, 6)));
        await fixture.FailsAsync(ErrorCodes.LedgerPeriodFrozen, s => s.RecordAdjustmentAsync(Admin, Book, LedgerSource.Adjustment, late, D(3, 31)));
        await fixture.FailsAsync(ErrorCodes.LedgerFutureOccurrence, s => s.RecordAdjustmentAsync(Admin, Book, LedgerSource.Adjustment, late, D(5, 7)));
        await fixture.FailsAsync(ErrorCodes.InvalidValue, s => s.RecordAdjustmentAsync(Admin, Book, LedgerSource.Declaration, late, D(5, 6)));
    }

    [Fact]
    public async Task WriteIntoAPublishedPeriod_IsAllowedUntilFrozen_AndGuardsAgainstARacingFreeze()
    {
        var publication = await fixture.PublishQ1Async();
        fixture.Today = D(4, 5);

        await fixture.RecordAsync(M1, "themed-party-day", D(3, 30), "in-window");

        // The write re-saved the publication's guard, so a freeze holding the version loaded before it would fail.
        var stored = await fixture.RunAsync(s => s.GetPublicationAsync(publication.Id));
        Assert.Equal(publication.Version + 1, stored.Version);
        Assert.Equal(PublicationStatus.Published, stored.Status);
    }

    [Fact]
    public async Task WriteIntoAPublishedPeriod_SavesOnlyTheGuard_NeverThePublishedResults()
    {
        var publication = await fixture.PublishQ1Async();
        var results = await fixture.ResultsAsync(publication.Id);
        fixture.Today = D(4, 5);

        var declared = await fixture.DeclareAsync(M1, "volunteer", D(3, 29), "declared", value: 2);
        await fixture.RecordAsync(M1, "themed-party-day", D(3, 30), "recorded");
        await fixture.ApproveAsync(declared.Id);
        await fixture.ReverseAsync(declared.Id);

        var guard = await fixture.RunAsync(s => s.GetPublicationAsync(publication.Id));
        var stored = await fixture.ResultsAsync(publication.Id);
        Assert.Equal(publication.Version + 4, guard.Version);
        Assert.Equal(results.Version, stored.Version);
        Assert.Equal(results.Results.ToArray(), stored.Results.ToArray());
    }

    [Fact]
    public async Task Freeze_RacingWithALedgerWrite_OneOfTheTwoFailsOnTheGuard()
    {
        var publication = await fixture.PublishQ1Async();
        fixture.Today = D(4, 10);
        using var freezing = fixture.Scope();
        var freezer = freezing.ServiceProvider.GetRequiredService<PeriodPublicationService>();
        var stale = await freezer.GetPublicationAsync(publication.Id);

        await fixture.RecordAsync(M1, "themed-party-day", D(3, 30), "racing");

        // The freeze's unit of work holds the guard as it was before the write: its save must fail.
        stale.Freeze(LedgerActor.Of(Admin), D(4, 10));
        await freezing.ServiceProvider.GetRequiredService<IRepository<PeriodPublication>>().UpdateAsync(stale);
        await Assert.ThrowsAsync<ConcurrencyException>(() => freezing.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync());
        Assert.False((await fixture.RunAsync(s => s.GetPublicationAsync(publication.Id))).IsFrozen);
    }
}
