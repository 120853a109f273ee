using GridGovernance.Claims;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using GridGovernance.Scoring.Units;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.EntityFrameworkCore.Tests.Forms;

/// <summary>
/// One fixed, rich stored form per aggregate: every value set and none the default, so that a golden file shows every
/// field of the form and a renamed or dropped one changes it.
/// </summary>
internal static class StoredFormSamples
{
    private static readonly LocalDate Day = new(2024, 3, 1);
    private static readonly Instant At = Instant.FromUtc(2024, 3, 1, 8, 30, 15);
    private static readonly GeoPoint Here = new(31.2304, 121.4737);
    private static readonly Validity Closed = new(new LocalDate(2023, 1, 1), new LocalDate(2024, 1, 1));
    private static readonly AssessmentPeriodStoredForm Year2024 = new()
    {
        Kind = PeriodKind.Year, Start = new LocalDate(2024, 1, 1), End = new LocalDate(2024, 12, 31), Label = "2024",
    };

    private static Points P(decimal value) => Points.From(value);

    public static OrgUnitStoredForm OrgUnit { get; } = new()
    {
        Id = new OrgUnitId(12),
        Kind = UnitKind.GridBranch,
        Kinds = [new(UnitKind.Community, new LocalDate(2020, 1, 1), new LocalDate(2022, 1, 1)), new(UnitKind.GridBranch, new LocalDate(2022, 1, 1), null)],
        Names = [new("三网格", new LocalDate(2020, 1, 1), new LocalDate(2023, 6, 1)), new("幸福里网格", new LocalDate(2023, 6, 1), null)],
        Parents = [new(new OrgUnitId(3), new LocalDate(2020, 1, 1), new LocalDate(2022, 1, 1)), new(null, new LocalDate(2022, 1, 1), new LocalDate(2022, 2, 1)), new(new OrgUnitId(4), new LocalDate(2022, 2, 1), new LocalDate(2025, 1, 1))],
        GridBranchKind = Organisation.GridBranchKind.CoBuilt,
        PartyGroupKind = Organisation.PartyGroupKind.Merchant,
        CoBuildingPartner = new StationedUnitId(7),
        Successors = [new OrgUnitId(13), new OrgUnitId(14)],
        Spans = [new UnitSpan(new OrgUnitId(5), Closed), new UnitSpan(new OrgUnitId(6), new Validity(Day))],
        ChairTerms = [new ChairTerm(new MemberId(21), new OrgUnitId(5), Closed)],
    };

    public static MemberStoredForm Member { get; } = new()
    {
        Id = new MemberId(21),
        Name = "张明",
        Kind = MemberKind.InService,
        JoinedPartyOn = new LocalDate(1998, 7, 1),
        Phone = "13800138000",
        Location = Here,
        Branches = [new(new OrgUnitId(12), new LocalDate(2020, 1, 1), new LocalDate(2023, 1, 1)), new(new OrgUnitId(13), new LocalDate(2023, 1, 1), new LocalDate(2026, 1, 1))],
        DualRegistrations = [new DualRegistration(new OrgUnitId(4), Closed)],
        Roles = [new RoleAssignment(RoleKind.GridHead, new OrgUnitId(12), Employment.PartTime, Closed)],
    };

    public static HouseholdStoredForm Household { get; } = new()
    {
        Id = new HouseholdId(31),
        Address = "幸福里 3 号楼 2 单元 501",
        Location = Here,
        Residents = 4,
        HeadName = "王芳",
        Phone = "13900139000",
        Units = [new(new OrgUnitId(12), new LocalDate(2021, 5, 1), new LocalDate(2024, 5, 1)), new(new OrgUnitId(13), new LocalDate(2024, 5, 1), new LocalDate(2025, 5, 1))],
    };

    public static StationedUnitStoredForm StationedUnit { get; } = new()
    {
        Id = new StationedUnitId(7),
        Name = "区卫健委",
        Kind = StationedUnitKind.Institution,
        Headcount = 120,
        MemberCount = 45,
        PartyOrganisationId = new OrgUnitId(40),
        HasOwnOrganisation = true,
        CoverageHistory = [new(new StationedUnitCoverage(null, false), new LocalDate(2019, 1, 1), new LocalDate(2021, 1, 1)), new(new StationedUnitCoverage(new OrgUnitId(40), true), new LocalDate(2021, 1, 1), null)],
        // One segment from the first community's start: what a version-0 document (written before counts had a history) reads as.
        CountsHistory = [new(new StationedUnitCounts(120, 45), new LocalDate(2019, 1, 1), null)],
        SignedCoBuildingAgreement = true,
        Location = Here,
        Communities = [new(new OrgUnitId(4), new LocalDate(2019, 1, 1), new LocalDate(2024, 1, 1)), new(new OrgUnitId(5), new LocalDate(2024, 1, 1), new LocalDate(2027, 1, 1))],
    };

    public static ServiceProjectStoredForm ServiceProject { get; } = new()
    {
        Id = new ProjectId(51),
        Name = "老旧小区加装电梯",
        Category = "elderly-care",
        Area = new AreaId(2),
        Unit = new OrgUnitId(4),
        Location = Here,
        ClaimantsRequired = 2,
        Deadline = new LocalDate(2024, 12, 31),
        Needs = [new NeedId(61), new NeedId(62)],
        Status = ProjectStatus.Failed,
        Claims = [new ProjectClaim(new OrgUnitId(40), At)],
        Agreements = [new ClaimAgreement(new OrgUnitId(40), [new MemberId(21)], 5000.5m, ["出资", "派人"], new LocalDate(2024, 6, 30), At)],
        Served = [new MemberId(21), new MemberId(22)],
        CompletedOn = new LocalDate(2024, 11, 30),
        FailureReason = "资金未到位",
    };

    public static NeedStoredForm Need { get; } = new()
    {
        Id = new NeedId(61),
        Unit = new OrgUnitId(4),
        Category = "elderly-care",
        Description = "三楼以上老人出行难",
        Location = Here,
        Urgency = NeedUrgency.Urgent,
        RaisedBy = "居民议事会",
        RaisedOn = Day,
        Project = new ProjectId(51),
    };

    public static MicroWishStoredForm MicroWish { get; } = new()
    {
        Id = new WishId(71),
        Unit = new OrgUnitId(12),
        Text = "想要一台助听器",
        Resident = "李奶奶",
        RaisedOn = Day,
        Status = WishStatus.Fulfilled,
        Claimant = new MemberId(21),
        ClaimedOn = new LocalDate(2024, 3, 5),
        FulfilledOn = new LocalDate(2024, 3, 20),
    };

    public static ResourceListingStoredForm ResourceListing { get; } = new()
    {
        Id = new OrgUnitId(40),
        Categories = ["education", "elderly-care"],
        Capacity = 3,
        Location = Here,
        Areas = [new AreaId(2), new AreaId(3)],
        AvailableFrom = new LocalDate(2024, 1, 1),
        AvailableTo = new LocalDate(2024, 12, 31),
        Members = [new MemberId(21), new MemberId(22)],
        Held = [new ProjectId(51)],
    };

    public static ContactLogStoredForm ContactLog { get; } = new()
    {
        Id = new ContactLogId(new MemberId(21), 2024),
        Records = [new ContactRecord(new HouseholdId(31), Day, ContactKind.Meeting, "了解加装电梯意愿", At, "member:21")],
    };

    public static WorkOrderStoredForm WorkOrder { get; } = new()
    {
        Id = new WorkOrderId(81),
        Category = "road",
        Description = "小区门口路灯不亮",
        Channel = WorkOrderChannel.App,
        Urgency = WorkOrderUrgency.Urgent,
        FiledBy = WorkOrderActor.ForResident("r-9"),
        FilerName = "赵先生",
        FilerPhone = "13700137000",
        Household = new HouseholdId(31),
        Location = Here,
        Address = "幸福里东门",
        Unit = new OrgUnitId(12),
        FiledAt = At,
        Status = WorkOrderStatus.Closed,
        Class = new TriageClass("facility", "设施维修", HandlingLevel.Community, 3),
        Level = HandlingLevel.Street,
        ResponsibleUnit = new OrgUnitId(3),
        DueAt = At.Plus(Duration.FromDays(3)),
        RemindAt = At.Plus(Duration.FromDays(2)),
        Escalations = 1,
        FirstResponder = new MemberId(21),
        Handler = new MemberId(22),
        Parts = [new DepartmentPart("城管", At, At.Plus(Duration.FromHours(4)), At.Plus(Duration.FromHours(1)), At.Plus(Duration.FromHours(20)), "已修复")],
        Resolution = new WorkOrderResolution(WorkOrderActor.ForMember(new MemberId(22)), At.Plus(Duration.FromDays(1)), "照片 1 张"),
        Ratings = [new WorkOrderRating(true, At.Plus(Duration.FromDays(2)), "满意")],
        Reopens = 2,
        ClosedAt = At.Plus(Duration.FromDays(2)),
        Deliberations = [new DeliberationRecord(Day, 12, "同意加装")],
        Audit = [new WorkOrderAuditRecord(1, WorkOrderCommand.Escalate, WorkOrderStatus.Triaged, WorkOrderStatus.Claimed, WorkOrderActor.ForSystem("scheduler"), At, "超时")],
    };

    public static LedgerEntryStoredForm LedgerEntry { get; } = new()
    {
        Id = new LedgerEntryId(91),
        RuleBookId = "city-2024",
        ItemCode = "themed-party-day",
        Member = new MemberId(21),
        DeclaredPoints = P(2.5m),
        Points = P(1.25m),
        OccurredOn = Day,
        OriginallyOccurredOn = new LocalDate(2023, 12, 20),
        RecordedAt = At,
        Actor = LedgerActor.ForMember(new MemberId(21)),
        Source = LedgerSource.Adjustment,
        Evidence = "photo:17",
        IdempotencyKey = "decl-21-2024-03-01",
        Tier = "gold",
        AfterReminder = true,
        Status = LedgerEntryStatus.Reversed,
        ReviewedBy = new MemberId(22),
        ReviewerUnit = new OrgUnitId(12),
        ReviewedAt = At.Plus(Duration.FromHours(5)),
        ReviewReason = "材料齐全",
        ReversalOf = new LedgerEntryId(90),
        ReversedBy = new LedgerEntryId(92),
        ReversalReason = "重复申报",
        AdjustsFrozenPeriod = "2023",
    };

    public static PointsAccountStoredForm PointsAccount { get; } = new()
    {
        Id = new MemberId(21),
        Balance = P(12.5m),
        TotalCredited = P(40m),
        TotalDebited = P(27.5m),
    };

    public static PointsAccountYearStoredForm PointsAccountYear { get; } = new()
    {
        Id = new PointsAccountYearId(new MemberId(21), 2024),
        Credits = [new PointsCredit(new MemberId(21), "credit-1", P(40m), "年度积分", P(40m), At)],
        Redemptions = [new Redemption(new MemberId(21), "redeem-1", new RewardItemId(101), "大米", 2, P(13.75m), P(27.5m), P(12.5m), At.Plus(Duration.FromDays(1)))],
    };

    public static RewardItemStoredForm RewardItem { get; } = new()
    {
        Id = new RewardItemId(101),
        Name = "大米",
        Price = P(13.75m),
        Stock = 8,
        IsActive = true,
    };

    public static PeriodPublicationStoredForm PeriodPublication { get; } = new()
    {
        Id = new PeriodPublicationId("city-2024", "2024"),
        Period = Year2024,
        PublishedOn = new LocalDate(2025, 1, 6),
        PublishedAt = Instant.FromUtc(2025, 1, 6, 1, 0),
        PublishedBy = LedgerActor.ForSystem("publisher"),
        WindowWorkingDays = 5,
        WindowClosesOn = new LocalDate(2025, 1, 10),
        Revision = 2,
        Status = PublicationStatus.Frozen,
        Objections = [new PublicationObjection(1, LedgerActor.ForMember(new MemberId(21)), new MemberId(22), "积分有误", new LocalDate(2025, 1, 7))],
        FrozenOn = new LocalDate(2025, 1, 11),
        FrozenBy = LedgerActor.ForSystem("freezer"),
    };

    public static PublishedResultsStoredForm PublishedResults { get; } = new()
    {
        Id = new PeriodPublicationId("city-2024", "2024"),
        Period = Year2024,
        Revision = 2,
        RuleBookVersion = 3,
        CategoryCodes = ["study", "service"],
        ItemCodes = ["themed-party-day", "volunteer"],
        Results = [new PublishedMemberResult(new MemberId(21), new OrgUnitId(12), [P(10m), P(2.5m)], P(12.5m), P(95.5m), true)],
    };

    public static StoredRuleBookStoredForm StoredRuleBook { get; } = new()
    {
        Id = new RuleBookId("city-2024"),
        Owner = new OrgUnitId(3),
        Name = "2024 年度积分细则",
        Versions = [new StoredRuleBookVersion(1, "{\"id\":\"city-2024\"}", At, LedgerActor.ForSystem("catalogue"))],
    };

    public static UnitLedgerEntryStoredForm UnitLedgerEntry { get; } = new()
    {
        Id = new UnitLedgerEntryId(71),
        RuleBookId = "organs-2024",
        ItemCode = "service-project",
        Unit = new OrgUnitId(101),
        DeclaredPoints = P(5m),
        Points = P(4.5m),
        OccurredOn = new LocalDate(2024, 2, 20),
        RecordedAt = At,
        Actor = LedgerActor.ForMember(new MemberId(21)),
        DeclaredBy = new MemberId(21),
        Source = LedgerSource.Declaration,
        IdempotencyKey = "organ-101-2024-02-20",
        Tier = "district",
        AfterReminder = true,
        Evidence = "协议与照片",
        Status = LedgerEntryStatus.Approved,
        ReviewedBy = new MemberId(22),
        ReviewerUnit = new OrgUnitId(90),
        ReviewedAt = Instant.FromUtc(2024, 3, 2, 9, 0),
        ReviewReason = "按实际折算",
    };

    public static UnitPublicationStoredForm UnitPublication { get; } = new()
    {
        Id = new PeriodPublicationId("organs-2024", "2024-Q1"),
        RuleBookVersion = 2,
        Period = new AssessmentPeriodStoredForm { Kind = PeriodKind.Quarter, Start = new LocalDate(2024, 1, 1), End = new LocalDate(2024, 3, 31), Label = "2024-Q1" },
        Lines = [new UnitAssessment(new OrgUnitId(101), [P(9m), P(4.5m)], P(13.5m), false, [2, 1]), new UnitAssessment(new OrgUnitId(102), [P(0m), P(-2m)], P(-2m), true, [0, 1])],
        SkippedEntries = 1,
        PublishedOn = new LocalDate(2024, 4, 8),
        PublishedAt = Instant.FromUtc(2024, 4, 8, 2, 0),
        PublishedBy = LedgerActor.ForSystem("publisher"),
    };

    /// <summary>Every sample, by aggregate name.</summary>
    public static IReadOnlyDictionary<string, object> All { get; } = new Dictionary<string, object>
    {
        ["OrgUnit"] = OrgUnit, ["Member"] = Member, ["Household"] = Household, ["StationedUnit"] = StationedUnit,
        ["ServiceProject"] = ServiceProject, ["Need"] = Need, ["MicroWish"] = MicroWish, ["ResourceListing"] = ResourceListing,
        ["ContactLog"] = ContactLog, ["WorkOrder"] = WorkOrder, ["LedgerEntry"] = LedgerEntry, ["PointsAccount"] = PointsAccount,
        ["PointsAccountYear"] = PointsAccountYear, ["RewardItem"] = RewardItem, ["PeriodPublication"] = PeriodPublication,
        ["PublishedResults"] = PublishedResults, ["StoredRuleBook"] = StoredRuleBook,
        ["UnitLedgerEntry"] = UnitLedgerEntry, ["UnitPublication"] = UnitPublication,
    };

    public static StoredForm FormOf(string name) => StoredForms.All.Single(f => f.AggregateType.Name == name);

    public static TheoryData<string> Names => new(All.Keys);
}
