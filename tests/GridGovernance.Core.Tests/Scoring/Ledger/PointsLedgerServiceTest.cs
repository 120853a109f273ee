using GridGovernance.Scoring.Ledger;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>Declaring and recording: rule-book checks, idempotency, roster and dates.</summary>
public sealed partial class PointsLedgerServiceTest : IDisposable
{
    private readonly LedgerFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task Declare_RecordsADeclaredEntryWithTheRuleBookPoints()
    {
        var entry = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k1");

        Assert.Equal(LedgerEntryStatus.Declared, entry.Status);
        Assert.Equal(P(1), entry.Points);
        Assert.Equal(P(1), entry.DeclaredPoints);
        Assert.Equal(LedgerSource.Declaration, entry.Source);
        Assert.Equal(LedgerActor.ForMember(M1), entry.Actor);
        Assert.Equal(Book.Id, entry.RuleBookId);
        Assert.Equal(D(5, 10), entry.OccurredOn);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), entry.RecordedAt);
        Assert.Equal("photo:k1", entry.Evidence);
        Assert.Equal(new LedgerEntryId(1), entry.Id);
        Assert.False(entry.CountsInAssessment);
        var declared = Assert.IsType<LedgerEntryDeclared>(Assert.Single(entry.DomainEvents));
        Assert.Equal(entry.Id, declared.Entry);
    }

    [Fact]
    public async Task Declare_IdsFollowTheRecordedOrder()
    {
        var first = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k1");
        var second = await fixture.RecordAsync(M2, "themed-party-day", D(5, 1), "k2");
        var third = await fixture.DeclareAsync(M3, "volunteer", D(4, 1), "k3", value: 2);

        Assert.Equal([1L, 2L, 3L], new[] { first.Id.Value, second.Id.Value, third.Id.Value });
    }

    [Fact]
    public async Task Declare_SameKeyTwice_ReturnsTheFirstEntryAndWritesNothing()
    {
        var first = await fixture.DeclareAsync(M1, "volunteer", D(5, 10), "app:42", value: 3);
        var before = await fixture.FingerprintAsync();

        var again = await fixture.DeclareAsync(M1, "volunteer", D(5, 10), "app:42", value: 3);

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(before, await fixture.FingerprintAsync());
        Assert.Single(await fixture.AllEntriesAsync());
    }

    [Fact]
    public async Task Declare_SameKeyForAnotherRequest_IsRefused()
    {
        await fixture.DeclareAsync(M1, "volunteer", D(5, 10), "app:42", value: 3);

        var e = await fixture.FailsAsync(ErrorCodes.IdempotencyKeyConflict,
            s => s.DeclareAsync(InPerson(M2), Book, Request(M2, "volunteer", D(5, 10), "app:42", 3)));
        Assert.Contains("app:42", e.Message);
    }

    [Fact]
    public async Task Declare_ConcurrentWithOneKey_WritesOneEntry()
    {
        var tasks = Enumerable.Range(0, 6).Select(_ => Task.Run(() => fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "same"))).ToArray();
        var results = await Task.WhenAll(tasks);

        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Single(await fixture.AllEntriesAsync());
    }

    [Fact]
    public async Task Declare_ConcurrentWithDistinctKeys_GivesDistinctConsecutiveIds()
    {
        var tasks = Enumerable.Range(0, 6).Select(i => Task.Run(() => fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k" + i))).ToArray();
        var results = await Task.WhenAll(tasks);

        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), results.Select(r => r.Id.Value).Order());
    }

    [Fact]
    public Task Declare_UnknownItem_IsRefused() =>
        fixture.FailsAsync(ErrorCodes.LedgerUnknownItem, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "no-such-item", D(5, 10), "k")));

    [Theory]
    [InlineData("base")]
    public Task Declare_ItemTheEngineComputes_IsRefused(string item) =>
        fixture.FailsAsync(ErrorCodes.LedgerItemNotDeclarable, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, item, D(5, 10), "k")));

    [Fact]
    public Task Declare_InTheFuture_IsRefused() =>
        fixture.FailsAsync(ErrorCodes.LedgerFutureOccurrence, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "themed-party-day", D(6, 4), "k")));

    [Fact]
    public async Task Declare_Today_IsAccepted()
    {
        var entry = await fixture.DeclareAsync(M1, "themed-party-day", fixture.Today, "k");
        Assert.Equal(fixture.Today, entry.OccurredOn);
    }

    [Fact]
    public Task Declare_BeforeTheItemsFirstVersion_IsRefused() =>
        fixture.FailsAsync(ErrorCodes.LedgerNoVersionInForce, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "themed-party-day", new(2019, 12, 31), "k")));

    [Fact]
    public Task Declare_WhenTheMemberWasNotOnTheRoster_IsRefused() =>
        fixture.FailsAsync(ErrorCodes.NotOnRoster, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "themed-party-day", new(2023, 12, 31), "k")));

    [Fact]
    public async Task Declare_UnknownMember_IsRefused()
    {
        // In person, an unknown member acts as nobody: the authority policy refuses before anything is read.
        await fixture.FailsAsync(Forbidden, s => s.DeclareAsync(InPerson(new MemberId(99)), Book, Request(new MemberId(99), "themed-party-day", D(5, 10), "k")));
        // The system may record, but not for a member who does not exist.
        var e = await Assert.ThrowsAsync<EntityNotFoundException>(() => fixture.RecordAsync(new MemberId(99), "themed-party-day", D(5, 10), "k"));
        Assert.Equal(ErrorCodes.NotFound, e.Code);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(5.5)]
    [InlineData(-1)]
    public Task Declare_DiscretionaryValueOutsideTheRange_IsRefused(decimal value) =>
        fixture.FailsAsync(ErrorCodes.LedgerValueOutOfRange, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "volunteer", D(5, 10), "k", value)));

    [Theory]
    [InlineData(1)]
    [InlineData(2.5)]
    [InlineData(5)]
    public async Task Declare_DiscretionaryValueInsideTheRange_IsTheEntrysPoints(decimal value)
    {
        var entry = await fixture.DeclareAsync(M1, "volunteer", D(5, 10), "k", value);
        Assert.Equal(P(value), entry.Points);
    }

    [Fact]
    public Task Declare_DiscretionaryWithoutValue_IsRefused() =>
        fixture.FailsAsync(ErrorCodes.LedgerValueRequired, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "volunteer", D(5, 10), "k")));

    [Fact]
    public Task Declare_ValueForAFixedItem_IsRefused() =>
        fixture.FailsAsync(ErrorCodes.LedgerValueNotAllowed, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "themed-party-day", D(5, 10), "k", 2)));

    [Theory]
    [InlineData(null)]
    [InlineData("village")]
    public Task Declare_TieredWithoutAKnownTier_IsRefused(string? tier) =>
        fixture.FailsAsync(ErrorCodes.LedgerInvalidTier, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "petition", D(5, 10), "k", tier: tier)));

    [Fact]
    public Task Declare_TierForAFixedItem_IsRefused() =>
        fixture.FailsAsync(ErrorCodes.LedgerInvalidTier, s => s.DeclareAsync(InPerson(M1), Book, Request(M1, "themed-party-day", D(5, 10), "k", tier: "city")));

    [Fact]
    public async Task Record_TieredAndAfterReminder_TakeThePointsTheRuleSays()
    {
        var petition = await fixture.RecordAsync(M1, "petition", D(5, 10), "p", tier: "province");
        var dues = await fixture.RunAsync(s => s.RecordAsync(LedgerFixture.WorkOrders, Book, LedgerSource.Automatic, Request(M1, "late-dues", D(5, 10), "d") with { AfterReminder = true }));

        Assert.Equal(P(-2), petition.Points);
        Assert.Equal("province", petition.Tier);
        Assert.Equal(P(-1), dues.Points);
        Assert.True(dues.AfterReminder);
    }

    [Fact]
    public async Task Declare_ReservedOrBlankKey_IsAValidationError()
    {
        async Task AssertRefused(MemberId member, string key, string field, string rule)
        {
            var e = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.DeclareAsync(member, "themed-party-day", D(5, 10), key));
            var problem = Assert.Single(e.Problems);
            Assert.Equal((field, rule), (problem.Field, problem.Rule));
        }
        await AssertRefused(M1, PointsLedgerService.ReversalKeyPrefix + "1", "request.IdempotencyKey", ErrorCodes.InvalidValue);
        await AssertRefused(M1, " ", "request.IdempotencyKey", ErrorCodes.InvalidValue);
        await AssertRefused(M1, new string('k', 201), "request.IdempotencyKey", ErrorCodes.TextTooLong);
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.DeclareAsync(default, "themed-party-day", D(5, 10), "k")); // Actor.Member(default)
    }

    [Fact]
    public async Task Record_IsApprovedDirectly_WithTheSourceAndActor()
    {
        var entry = await fixture.RecordAsync(M3, "themed-party-day", D(5, 10), "work-order:4711");

        Assert.Equal(LedgerEntryStatus.Approved, entry.Status);
        Assert.Equal(LedgerSource.WorkOrder, entry.Source);
        Assert.Equal(LedgerActor.Of(LedgerFixture.WorkOrders), entry.Actor);
        Assert.Null(entry.ReviewedBy);
        Assert.True(entry.CountsInAssessment);
        var recorded = Assert.IsType<LedgerEntryRecorded>(Assert.Single(entry.DomainEvents));
        Assert.Null(recorded.ReversalOf);
        Assert.Null(recorded.AdjustsFrozenPeriod);
    }

    [Fact]
    public async Task Record_SameKeyTwice_ReturnsTheFirstEntry()
    {
        var first = await fixture.RecordAsync(M3, "themed-party-day", D(5, 10), "work-order:4711");
        var again = await fixture.RecordAsync(M3, "themed-party-day", D(5, 10), "work-order:4711");

        Assert.Equal(first.Id, again.Id);
        Assert.Single(await fixture.AllEntriesAsync());
    }

    [Fact]
    public async Task Record_AsADeclarationOrAnUndefinedSource_IsRefusedNamingTheSource_WithoutActor_AnArgumentNullError()
    {
        var declaration = await fixture.FailsAsync(ErrorCodes.InvalidValue, s => s.RecordAsync(LedgerFixture.WorkOrders, Book, LedgerSource.Declaration, Request(M1, "themed-party-day", D(5, 10), "k")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.RunAsync(s => s.RecordAsync(null!, Book, LedgerSource.Claim, Request(M1, "themed-party-day", D(5, 10), "k"))));
        var undefined = await fixture.FailsAsync(ErrorCodes.UndefinedEnum, s => s.RecordAsync(LedgerFixture.WorkOrders, Book, (LedgerSource)99, Request(M1, "themed-party-day", D(5, 10), "k")));

        Assert.Equal("source", Assert.Single(Assert.IsType<GridGovernanceValidationException>(declaration).Problems).Field);
        Assert.Equal("source", Assert.Single(Assert.IsType<GridGovernanceValidationException>(undefined).Problems).Field);
    }

    [Fact]
    public async Task History_ListsTheMembersEntriesInRecordedOrder()
    {
        var a = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "a");
        await fixture.DeclareAsync(M2, "themed-party-day", D(5, 10), "b");
        var c = await fixture.RecordAsync(M1, "themed-party-day", D(5, 1), "c");

        var history = await fixture.RunAsync(s => s.HistoryAsync(M1));

        Assert.Equal([a.Id, c.Id], history.Select(e => e.Id));
    }
}
