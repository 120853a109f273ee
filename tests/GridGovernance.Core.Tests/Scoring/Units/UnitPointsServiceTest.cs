using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Units;
using GridGovernance.Tests.Authority;
using NodaTime;
using static GridGovernance.Tests.Authority.YibinWorld;

namespace GridGovernance.Tests.Scoring.Units;

/// <summary>
/// The stored unit ledger (组织积分明细账) and its publication (issue 18): 单位申报 → 区域党委审核 → 季度公示 on the Yibin
/// roster of <see cref="YibinWorld"/> (regional committee 50 spans communities 100 and 101, with member 6 as rotating
/// chair; organ branch 30 under street 11 with member 9 as secretary; the district's secretary is member 90), under the
/// organ book of <see cref="UnitAssessmentEngineTest.OrganBook"/> stored in the catalogue.
/// </summary>
public sealed class UnitPointsServiceTest : IAsyncLifetime, IDisposable
{
    private static readonly RuleBookId Book = RuleBookId.Of(UnitAssessmentEngineTest.OrganBook);
    private static readonly AssessmentPeriod Q1 = AssessmentPeriod.Quarter(2024, 1);
    private static readonly OrgUnitId Grid1000 = U(1000), Grid1010 = U(1010), Grid1100 = U(1100), Organ30 = U(30), Committee50 = U(50);
    private static readonly Actor GridSecretary = Actor.Post(M(1), RoleKind.Secretary, Grid1000);
    private static readonly Actor Grid1100Secretary = Actor.Post(M(4), RoleKind.Secretary, Grid1100);
    private static readonly Actor Chair = Actor.Post(M(6), RoleKind.RotatingChair, Committee50);
    private static readonly Actor OrganSecretary = Actor.Post(M(9), RoleKind.Secretary, Organ30);
    private static readonly Actor DistrictSecretary = Actor.Post(M(90), RoleKind.Secretary, U(1));

    private readonly YibinWorld yibin = new();

    public async Task InitializeAsync()
    {
        await yibin.InitializeAsync();
        await yibin.World.RunAsync<RuleBookCatalogue, StoredRuleBook>(c => c.AddAsync(TestActors.System, UnitAssessmentEngineTest.OrganBook, U(1)));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => yibin.Dispose();

    private Task<T> Units<T>(Func<UnitPointsService, Task<T>> action) => yibin.World.RunAsync(action);

    private static UnitLedgerEntryRequest Request(OrgUnitId unit, string item, LocalDate on, string key) =>
        new() { Unit = unit, ItemCode = item, OccurredOn = on, IdempotencyKey = key };

    private static LocalDate D(int month, int day) => new(2024, month, day);

    private async Task<Exception> RefusedAndNothingChangedAsync(Func<Task> command)
    {
        var before = yibin.World.Versions();
        var refused = await Record.ExceptionAsync(command);
        Assert.NotNull(refused);
        Assert.Equal(before, yibin.World.Versions());
        return refused;
    }

    [Fact]
    public async Task AGridDeclares_TheRegionalCommitteeChairApproves_AndTheEntryKeepsWhoDidWhat()
    {
        var declared = await Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1000, "volunteer-activity", D(2, 3), "g1000-a")));

        Assert.Equal((LedgerEntryStatus.Declared, Points.From(2), (MemberId?)M(1)), (declared.Status, declared.Points, declared.DeclaredBy));
        Assert.Equal(LedgerSource.Declaration, declared.Source);
        var approved = await Units(s => s.ApproveAsync(Chair, declared.Id, note: "属实"));

        Assert.Equal(LedgerEntryStatus.Approved, approved.Status);
        Assert.Equal(((MemberId?)M(6), (OrgUnitId?)Committee50, "属实"), (approved.ReviewedBy, approved.ReviewerUnit, approved.ReviewReason));
        Assert.Equal(new UnitLedgerEntryApproved(declared.Id, Grid1000, Points.From(2), LedgerActor.Of(Chair), Committee50), Assert.Single(approved.DomainEvents));
        var stored = await Units(s => s.GetAsync(declared.Id));
        Assert.True(stored.CountsInAssessment);
    }

    [Fact]
    public async Task HostileActors_AreRefusedWithPointsForbidden_AndNothingChanges()
    {
        var declared = await Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1000, "volunteer-activity", D(2, 3), "g1000-a")));
        var organ = await Units(s => s.DeclareAsync(OrganSecretary, Book, Request(Organ30, "project-completed", D(2, 4), "o30-a")));
        var outsideSpan = await Units(s => s.DeclareAsync(Grid1100Secretary, Book, Request(Grid1100, "volunteer-activity", D(2, 5), "g1100-a")));

        Func<Task>[] hostile =
        [
            // Wrong unit: a grid's secretary declares for another grid; the organ's secretary for the grid.
            () => Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1100, "volunteer-activity", D(2, 3), "wrong-unit"))),
            () => Units(s => s.DeclareAsync(OrganSecretary, Book, Request(Grid1000, "volunteer-activity", D(2, 3), "wrong-unit-2"))),
            // Unknown reviewers: a member without the post, a member not on the roster.
            () => Units(s => s.ApproveAsync(Actor.Post(M(2), RoleKind.Secretary, Committee50), declared.Id)),
            () => Units(s => s.ApproveAsync(Actor.Post(new MemberId(777), RoleKind.Secretary, U(1)), declared.Id)),
            // Self review: the unit's own secretary, on its own declaration; a self-record.
            () => Units(s => s.ApproveAsync(GridSecretary, declared.Id)),
            () => Units(s => s.RejectAsync(GridSecretary, declared.Id, "自审")),
            () => Units(s => s.RecordAsync(GridSecretary, Book, LedgerSource.Adjustment, Request(Grid1000, "volunteer-activity", D(2, 3), "self-record"))),
            // The regional committee's chair outside its span: grid 1100 (community 110) and the organ (street 11).
            () => Units(s => s.ApproveAsync(Chair, outsideSpan.Id)),
            () => Units(s => s.ApproveAsync(Chair, organ.Id)),
            // A member in person declares for a unit.
            () => Units(s => s.DeclareAsync(Actor.Member(M(1)), Book, Request(Grid1000, "volunteer-activity", D(2, 3), "in-person"))),
            // Publishing is the top level's.
            () => Units(s => s.PublishAsync(Chair, Book, Q1, [Grid1000])),
        ];

        foreach (var command in hostile)
        {
            var refused = Assert.IsType<ForbiddenException>(await RefusedAndNothingChangedAsync(command));
            Assert.Equal("points.forbidden", refused.Code);
        }
        var selfReview = await Assert.ThrowsAsync<ForbiddenException>(() => Units(s => s.ApproveAsync(GridSecretary, declared.Id)));
        Assert.Contains("unit-ledger-entry:1", selfReview.Message);
        // The district's secretary covers the organ; the chair covers grid 1010's parent community's span.
        Assert.Equal(LedgerEntryStatus.Approved, (await Units(s => s.ApproveAsync(DistrictSecretary, organ.Id))).Status);
    }

    [Fact]
    public async Task BadRequests_AreRefusedWithTheirCodes_AndNothingChanges()
    {
        await Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1000, "volunteer-activity", D(2, 3), "key-1")));

        var grant = await RefusedAndNothingChangedAsync(() => Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1000, "base", D(2, 3), "key-2"))));
        var unknown = await RefusedAndNothingChangedAsync(() => Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1000, "no-such-item", D(2, 3), "key-3"))));
        var future = await RefusedAndNothingChangedAsync(() => Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1000, "volunteer-activity", D(7, 1), "key-4"))));
        var reused = await RefusedAndNothingChangedAsync(() => Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1000, "complaint", D(2, 3), "key-1"))));
        var blank = await RefusedAndNothingChangedAsync(() => Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1000, "volunteer-activity", D(2, 3), " "))));
        var noBook = await RefusedAndNothingChangedAsync(() => Units(s => s.DeclareAsync(GridSecretary, new RuleBookId("no-book"), Request(Grid1000, "volunteer-activity", D(2, 3), "key-5"))));
        Assert.Equal(ErrorCodes.LedgerItemNotDeclarable, Assert.IsAssignableFrom<GridGovernanceException>(grant).Code);
        Assert.Equal(ErrorCodes.LedgerUnknownItem, Assert.IsAssignableFrom<GridGovernanceException>(unknown).Code);
        Assert.Equal(ErrorCodes.LedgerFutureOccurrence, Assert.IsAssignableFrom<GridGovernanceException>(future).Code);
        Assert.Equal(ErrorCodes.IdempotencyKeyConflict, Assert.IsAssignableFrom<GridGovernanceException>(reused).Code);
        Assert.Equal("request.IdempotencyKey", Assert.IsType<GridGovernanceValidationException>(blank).Problems.Single().Field);
        Assert.IsType<EntityNotFoundException>(noBook);
    }

    [Fact]
    public async Task TheSameKeyTwice_IsOneEntry()
    {
        var first = await Units(s => s.RecordAsync(TestActors.System, Book, LedgerSource.Claim, Request(Organ30, "project-completed", D(1, 15), "claim:7:30")));
        var again = await Units(s => s.RecordAsync(TestActors.System, Book, LedgerSource.Claim, Request(Organ30, "project-completed", D(1, 15), "claim:7:30")));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal(LedgerEntryStatus.Approved, first.Status);
        var q1 = await Units(s => s.AssessAsync(Book, Q1, [Organ30]));
        Assert.Equal(Points.From(5 + 5), q1[Organ30].Total); // one project (5) and a quarter's base (20 a year: 5)
    }

    /// <summary>
    /// A hand-computed quarter (the engine test's figures, now from the stored ledger): organ 30 has three projects
    /// (15, clipped to the quarter's 10), two activities (4) and the base (5) = 19; grid 1000 one project (5), four
    /// activities (8), a complaint (−3) and the base = 15; grid 1010 two projects (10), a serious violation (−10, vetoed)
    /// and the base = 5; grid 1100 only the base = 5.
    /// </summary>
    private async Task RecordQuarterAsync()
    {
        int key = 0;
        Task<UnitLedgerEntry> R(OrgUnitId unit, string item, LocalDate on) =>
            Units(s => s.RecordAsync(TestActors.System, Book, LedgerSource.Adjustment, Request(unit, item, on, $"q1-{++key}")));
        await R(Organ30, "project-completed", D(1, 15));
        await R(Organ30, "project-completed", D(2, 15));
        await R(Organ30, "project-completed", D(3, 15));
        await R(Organ30, "volunteer-activity", D(1, 20));
        await R(Organ30, "volunteer-activity", D(3, 20));
        await R(Grid1000, "project-completed", D(2, 1));
        foreach (var day in new[] { D(1, 5), D(1, 12), D(2, 9), D(3, 9) })
        {
            await R(Grid1000, "volunteer-activity", day);
        }
        await R(Grid1000, "complaint", D(3, 2));
        await R(Grid1010, "project-completed", D(1, 30));
        await R(Grid1010, "project-completed", D(2, 28));
        await R(Grid1010, "serious-violation", D(3, 3));
        await R(Grid1000, "volunteer-activity", D(4, 2)); // April: not in Q1
        var declared = await Units(s => s.DeclareAsync(GridSecretary, Book, Request(Grid1000, "project-completed", D(3, 30), "declared-only")));
        Assert.Equal(LedgerEntryStatus.Declared, declared.Status); // never approved: does not count
    }

    [Fact]
    public async Task AQuarter_IsAssessedFromTheStoredLedger_Published_AndRankedFromThePublication()
    {
        await RecordQuarterAsync();
        OrgUnitId[] assessed = [Grid1100, Grid1010, Organ30, Grid1000];

        var publication = await Units(s => s.PublishAsync(DistrictSecretary, Book, Q1, assessed));

        Assert.Equal(new PeriodPublicationId("yibin-organs-2024", "2024-Q1"), publication.Id);
        Assert.Equal([(30, 19m, false), (1000, 15m, false), (1010, 5m, true), (1100, 5m, false)],
            publication.Lines.Select(l => (l.Unit.Value, l.Total.ToDecimal(), l.Vetoed)));
        var read = await Units(s => s.GetPublicationAsync(publication.Id));
        Assert.Equal(publication.Lines, read.Lines);
        Assert.Equal((YibinWorld.Day, UnitAssessmentEngineTest.OrganBook.Version), (read.PublishedOn, read.RuleBookVersion));

        var all = await Units(s => s.RankAsync(publication.Id));
        Assert.Equal([(30, 1), (1000, 2), (1010, 3), (1100, 3)], all.Rows.Select(r => (r.Unit.Value, r.Rank)));
        var span = await Units(s => s.RankAsync(publication.Id, Committee50)); // the committee's span: grids 1000 and 1010
        Assert.Equal([1000, 1010], span.Rows.Select(r => r.Unit.Value));
        var stars = await Units(s => s.StarsAsync(publication.Id, [new StarBand(1, Points.From(5)), new StarBand(2, Points.From(12)), new StarBand(3, Points.From(18))], vetoStarCap: 0));
        Assert.Equal([(30, 3), (1000, 2), (1010, 0), (1100, 1)], stars.Select(s => (s.Unit.Value, s.Stars)));

        // Publishing again is the same publication; the period is final for the ledger; a quarter not over is refused.
        var versions = yibin.World.Versions();
        var again = await Units(s => s.PublishAsync(DistrictSecretary, Book, Q1, assessed));
        Assert.Equal((publication.Id, publication.PublishedAt), (again.Id, again.PublishedAt));
        Assert.Equal(versions, yibin.World.Versions());
        var frozen = await RefusedAndNothingChangedAsync(() => Units(s => s.RecordAsync(TestActors.System, Book, LedgerSource.Adjustment, Request(Grid1100, "volunteer-activity", D(3, 1), "late"))));
        Assert.Equal(ErrorCodes.LedgerPeriodFrozen, Assert.IsAssignableFrom<GridGovernanceException>(frozen).Code);
        var stillDeclared = (await yibin.World.RunAsync<GridGovernance.Persistence.IReadRepository<UnitLedgerEntry>, IReadOnlyList<UnitLedgerEntry>>(r => r.ListAsync()))
            .Single(e => e.IdempotencyKey == "declared-only");
        var lateApproval = await RefusedAndNothingChangedAsync(() => Units(s => s.ApproveAsync(Chair, stillDeclared.Id)));
        Assert.Equal(ErrorCodes.LedgerPeriodFrozen, Assert.IsAssignableFrom<GridGovernanceException>(lateApproval).Code);
        var notOver = await RefusedAndNothingChangedAsync(() => Units(s => s.PublishAsync(DistrictSecretary, Book, AssessmentPeriod.Quarter(2024, 2), assessed)));
        Assert.Equal(ErrorCodes.PublicationPeriodNotEnded, Assert.IsAssignableFrom<GridGovernanceException>(notOver).Code);
        var other = await RefusedAndNothingChangedAsync(() => Units(s => s.PublishAsync(DistrictSecretary, Book, Q1, [Grid1000])));
        Assert.Equal(ErrorCodes.PeriodAlreadyPublished, Assert.IsAssignableFrom<GridGovernanceException>(other).Code);
    }

    /// <summary>
    /// Rule: the stored ledger assesses exactly as the pure engine on its approved entries, and writing every request twice
    /// (the same keys) changes nothing. Random records for four units over the first half of 2024, some declared and never
    /// approved.
    /// </summary>
    [Property(MaxTest = 12)]
    public bool StoredLedger_AssessesAsTheEngine_AndReplaysAreOneEntry((byte Unit, byte Item, byte Day, bool Declare)[] rows)
    {
        using var world = new YibinWorld();
        world.InitializeAsync().GetAwaiter().GetResult();
        world.World.RunAsync<RuleBookCatalogue, StoredRuleBook>(c => c.AddAsync(TestActors.System, UnitAssessmentEngineTest.OrganBook, U(1))).GetAwaiter().GetResult();
        OrgUnitId[] pool = [Grid1000, Grid1010, Grid1100, Organ30];
        Actor[] declarers = [GridSecretary, Actor.Post(M(3), RoleKind.CommitteeMember, U(101)), Grid1100Secretary, OrganSecretary];
        string[] items = ["project-completed", "volunteer-activity", "complaint", "serious-violation"];
        var expected = new List<UnitEntry>();
        int key = 0;
        foreach (var (unit, item, day, declare) in (rows ?? []).Take(12))
        {
            var u = pool[unit % 4];
            var request = Request(u, items[item % 4], new LocalDate(2024, 1, 1).PlusDays(day % 150), $"k{++key}");
            for (int replay = 0; replay < 2; replay++)
            {
                var entry = declare && u != Grid1010
                    ? world.World.RunAsync<UnitPointsService, UnitLedgerEntry>(s => s.DeclareAsync(declarers[unit % 4], Book, request)).GetAwaiter().GetResult()
                    : world.World.RunAsync<UnitPointsService, UnitLedgerEntry>(s => s.RecordAsync(TestActors.System, Book, LedgerSource.Adjustment, request)).GetAwaiter().GetResult();
                if (replay == 0 && entry.CountsInAssessment)
                {
                    expected.Add(new UnitEntry(u, UnitAssessmentEngineTest.OrganBook.IndexOfItem(request.ItemCode), request.OccurredOn, entry.Id.Value));
                }
            }
        }
        var half = AssessmentPeriod.Custom(new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 5, 31)));
        var stored = world.World.RunAsync<UnitPointsService, UnitAssessmentResult>(s => s.AssessAsync(Book, half, pool)).GetAwaiter().GetResult();
        var pure = UnitAssessmentEngine.Assess(UnitAssessmentEngineTest.OrganBook, half, pool, expected.ToArray());
        var count = world.World.RunAsync<GridGovernance.Persistence.IReadRepository<UnitLedgerEntry>, IReadOnlyList<UnitLedgerEntry>>(r => r.ListAsync()).GetAwaiter().GetResult().Count;
        return stored.Units.SequenceEqual(pure.Units) && count == key;
    }

    /// <summary>
    /// Rule: a declaration is accepted exactly from a post on the unit itself held by its member (secretary or committee
    /// member), and a refused one changes nothing. Random posts (any role of the roster's members, on any unit).
    /// </summary>
    [Property(MaxTest = 25)]
    public bool Declare_IsAcceptedOnlyFromAPostOnTheUnit_AndARefusalChangesNothing(byte member, byte role, byte unit, byte target)
    {
        using var world = new YibinWorld();
        world.InitializeAsync().GetAwaiter().GetResult();
        world.World.RunAsync<RuleBookCatalogue, StoredRuleBook>(c => c.AddAsync(TestActors.System, UnitAssessmentEngineTest.OrganBook, U(1))).GetAwaiter().GetResult();
        int[] members = [1, 2, 3, 4, 6, 9, 90];
        RoleKind[] roles = [RoleKind.Secretary, RoleKind.CommitteeMember, RoleKind.GridHead, RoleKind.RotatingChair];
        OrgUnitId[] units = [U(1), Grid1000, Grid1010, Grid1100, Organ30, U(101), Committee50];
        var actor = Actor.Post(M(members[member % members.Length]), roles[role % roles.Length], units[unit % units.Length]);
        var forUnit = units[target % units.Length];
        (int Member, RoleKind Role, int Unit)[] posts = [(1, RoleKind.Secretary, 1000), (3, RoleKind.CommitteeMember, 101), (4, RoleKind.Secretary, 1100), (9, RoleKind.Secretary, 30), (90, RoleKind.Secretary, 1)];
        bool allowed = actor.Unit == forUnit && posts.Contains((actor.MemberId.Value, actor.Role, actor.Unit.Value));
        var before = world.World.Versions();
        try
        {
            world.World.RunAsync<UnitPointsService, UnitLedgerEntry>(s => s.DeclareAsync(actor, Book, Request(forUnit, "volunteer-activity", D(2, 3), "k"))).GetAwaiter().GetResult();
            return allowed;
        }
        catch (ForbiddenException e) when (e.Code == "points.forbidden")
        {
            return !allowed && before.SequenceEqual(world.World.Versions());
        }
    }
}
