using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// A stationed unit (驻区单位): an organ, an institution, a firm or a social organisation (两新组织) located in a
/// community, which co-builds with it (共建). Coverage figures (党组织覆盖率, 单独组建率) are computed over these.
/// </summary>
[Mutable]
public sealed class StationedUnit : AggregateRoot<StationedUnitId>
{
    /// <summary>The fewest members a unit needs to form its own branch (党章: three full members).</summary>
    public const int MembersForOwnBranch = 3;

    private StationedUnit(StationedUnitDraft draft, LocalDate effective)
        : base(draft.Id)
    {
        Name = draft.Name.Trim();
        Kind = draft.Kind;
        Headcount = draft.Headcount;
        MemberCount = draft.MemberCount;
        PartyOrganisationId = draft.PartyOrganisationId;
        HasOwnOrganisation = draft.HasOwnOrganisation;
        SignedCoBuildingAgreement = draft.SignedCoBuildingAgreement;
        Location = draft.Location;
        Communities = Timeline<OrgUnitId>.StartWith(draft.CommunityId, effective);
        coverageHistory = Timeline<StationedUnitCoverage>.StartWith(new StationedUnitCoverage(PartyOrganisationId, HasOwnOrganisation), effective);
        countsHistory = Timeline<StationedUnitCounts>.StartWith(new StationedUnitCounts(Headcount, MemberCount), effective);
    }

    // Null only in a document stored before the history was kept: then the latest value stands for every day.
    private Timeline<StationedUnitCoverage>? coverageHistory;

    // Null only in a document stored before the counts had a history: then the latest counts stand for every day.
    private Timeline<StationedUnitCounts>? countsHistory;

    /// <summary>Its name.</summary>
    public string Name { get; private set; }

    /// <summary>Its kind.</summary>
    public StationedUnitKind Kind { get; }

    /// <summary>Staff, as last recorded (<see cref="CountsOn"/> for a day's).</summary>
    public int Headcount { get; private set; }

    /// <summary>Party members on its staff (在职党员), as last recorded (<see cref="CountsOn"/> for a day's).</summary>
    public int MemberCount { get; private set; }

    /// <summary>The party organisation covering it, or <c>null</c>.</summary>
    public OrgUnitId? PartyOrganisationId { get; private set; }

    /// <summary>Whether the covering organisation is its own (单独组建).</summary>
    public bool HasOwnOrganisation { get; private set; }

    /// <summary>Whether it signed a co-building agreement with its community.</summary>
    public bool SignedCoBuildingAgreement { get; private set; }

    /// <summary>Where it is, or <c>null</c>.</summary>
    public GeoPoint? Location { get; private set; }

    /// <summary>The history of the community it is located in.</summary>
    public Timeline<OrgUnitId> Communities { get; private set; }

    /// <summary>
    /// The history of its covering organisation (组织覆盖), from its registration: each change by
    /// <see cref="OrganisationService.SetCoverageAsync"/> holds from the day it was made, each one a restructure made from
    /// the restructure's day (never before the last recorded change). <see cref="CoverageOn"/> reads it.
    /// </summary>
    public Timeline<StationedUnitCoverage> CoverageHistory =>
        coverageHistory ?? Timeline<StationedUnitCoverage>.StartWith(new StationedUnitCoverage(PartyOrganisationId, HasOwnOrganisation), Communities.Start);

    /// <summary>Which organisation covered it on <paramref name="date"/> (none before its registration).</summary>
    /// <param name="date">The day.</param>
    public StationedUnitCoverage CoverageOn(LocalDate date) =>
        CoverageHistory.TryGetValueAt(date, out var coverage) ? coverage : new StationedUnitCoverage(null, false);

    /// <summary>The current community.</summary>
    public OrgUnitId CommunityId => Communities.Current;

    /// <summary>Whether it is still registered.</summary>
    public bool IsActive => Communities.IsOpen;

    /// <summary>Whether a party organisation covers it (counts towards 党组织覆盖率).</summary>
    public bool IsCovered => PartyOrganisationId is not null;

    /// <summary>Whether it has enough members to be expected to form its own branch (counts in 单独组建率's base).</summary>
    public bool IsEligibleForOwnOrganisation => MemberCount >= MembersForOwnBranch;

    /// <summary>
    /// The history of its staff and member counts (在职党员), from its registration: each change by
    /// <see cref="OrganisationService.UpdateStationedUnitCountsAsync"/> holds from its effective day. <see cref="CountsOn"/> reads it.
    /// </summary>
    public Timeline<StationedUnitCounts> CountsHistory =>
        countsHistory ?? Timeline<StationedUnitCounts>.StartWith(new StationedUnitCounts(Headcount, MemberCount), Communities.Start);

    /// <summary>Its staff and member counts on <paramref name="date"/> (zero before its registration).</summary>
    /// <param name="date">The day.</param>
    public StationedUnitCounts CountsOn(LocalDate date) =>
        CountsHistory.TryGetValueAt(date, out var counts) ? counts : new StationedUnitCounts(0, 0);

    /// <summary>The problems with a pair of counts (each naming its field), or none.</summary>
    internal static List<ValidationProblem?> CheckCounts(int headcount, int memberCount, string key) =>
    [
        headcount < 0
            ? new ValidationProblem("headcount", key, ErrorCodes.OutOfRange, $"headcount must be zero or more; it was {headcount}.")
            : null,
        memberCount < 0 || memberCount > Math.Max(headcount, 0)
            ? new ValidationProblem("memberCount", key, ErrorCodes.OutOfRange, $"memberCount must be between 0 and the headcount ({headcount}); it was {memberCount}.")
            : null,
    ];

    /// <summary>Records new staff and member counts from <paramref name="effective"/> on; the former stay in <see cref="CountsHistory"/>.</summary>
    /// <param name="headcount">Staff; zero or more.</param>
    /// <param name="memberCount">Members; zero to <paramref name="headcount"/>.</param>
    /// <param name="effective">The first day they hold; not before the last recorded change.</param>
    internal void UpdateCounts(int headcount, int memberCount, LocalDate effective)
    {
        InputPolicy.ThrowIfAny("The stationed unit's counts", CheckCounts(headcount, memberCount, Id.ToString()));
        Preconditions.CheckState(IsActive, ErrorCodes.NotOnRoster, $"{Id} ({Name}) is no longer registered; its counts cannot change.");
        var history = CountsHistory;
        Preconditions.CheckState(effective >= history.Last.From, ErrorCodes.RetroactiveChange,
            $"{Id} ({Name}) has counts recorded from {history.Last.From:yyyy-MM-dd}; a change on {effective:yyyy-MM-dd} would rewrite that.");
        var changed = history.ChangeTo(new StationedUnitCounts(headcount, memberCount), effective);
        if (ReferenceEquals(changed, history))
        {
            return;
        }
        countsHistory = changed;
        Headcount = headcount;
        MemberCount = memberCount;
        Raise(new StationedUnitCountsChanged(Id, headcount, memberCount, effective));
    }

    /// <summary>Records that a co-building agreement was signed (or lapsed).</summary>
    /// <param name="signed">Whether an agreement is in force.</param>
    public void SetCoBuildingAgreement(bool signed) => SignedCoBuildingAgreement = signed;

    internal static StationedUnit Create(StationedUnitDraft draft, LocalDate effective)
    {
        var unit = new StationedUnit(draft, effective);
        unit.Raise(new StationedUnitAdded(draft.Id, draft.CommunityId, effective));
        return unit;
    }

    /// <summary>Locates the unit in another community from <paramref name="effective"/> on; the former stays in <see cref="Communities"/>.</summary>
    /// <param name="community">The new community.</param>
    /// <param name="effective">The first day it is there.</param>
    internal void MoveTo(OrgUnitId community, LocalDate effective)
    {
        Preconditions.CheckState(IsActive, ErrorCodes.NotOnRoster, $"{Id} ({Name}) is no longer registered; it cannot move.");
        Preconditions.CheckState(effective >= Communities.Last.From, ErrorCodes.RetroactiveChange,
            $"{Id} ({Name}) is recorded in {CommunityId} from {Communities.Last.From:yyyy-MM-dd}; a move on {effective:yyyy-MM-dd} would rewrite that.");
        var old = CommunityId;
        var changed = Communities.ChangeTo(community, effective);
        if (!ReferenceEquals(changed, Communities))
        {
            Communities = changed;
            Raise(new StationedUnitMoved(Id, old, community, effective));
        }
    }

    /// <summary>Records which party organisation covers the unit (its own: 单独组建; a joint one: 联合组建), or none.</summary>
    /// <param name="organisation">The covering organisation, or <c>null</c>.</param>
    /// <param name="ownOrganisation">Whether it is the unit's own.</param>
    /// <param name="effective">The first day it holds; a day before the last recorded change counts from that change.</param>
    internal void CoverBy(OrgUnitId? organisation, bool ownOrganisation, LocalDate effective)
    {
        bool own = organisation is not null && ownOrganisation;
        if (organisation == PartyOrganisationId && own == HasOwnOrganisation)
        {
            return;
        }
        var history = CoverageHistory;
        coverageHistory = history.ChangeTo(new StationedUnitCoverage(organisation, own), effective < history.Last.From ? history.Last.From : effective);
        PartyOrganisationId = organisation;
        HasOwnOrganisation = own;
        Raise(new StationedUnitCoverageChanged(Id, organisation, own));
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private StationedUnit(Persistence.StationedUnitStoredForm form)
        : base(form.Id)
    {
        Name = form.Name;
        Kind = form.Kind;
        Headcount = form.Headcount;
        MemberCount = form.MemberCount;
        PartyOrganisationId = form.PartyOrganisationId;
        HasOwnOrganisation = form.HasOwnOrganisation;
        SignedCoBuildingAgreement = form.SignedCoBuildingAgreement;
        Location = form.Location;
        Communities = Timeline<OrgUnitId>.FromSegments(form.Communities);
        coverageHistory = Timeline<StationedUnitCoverage>.FromSegments(form.CoverageHistory);
        Preconditions.CheckArgument(coverageHistory.Current == new StationedUnitCoverage(PartyOrganisationId, HasOwnOrganisation), nameof(form.CoverageHistory),
            $"The coverage history ends with {coverageHistory.Current}, but the unit is covered by {PartyOrganisationId} (own: {HasOwnOrganisation}).");
        countsHistory = Timeline<StationedUnitCounts>.FromSegments(form.CountsHistory);
        Preconditions.CheckArgument(countsHistory.Current == new StationedUnitCounts(Headcount, MemberCount), nameof(form.CountsHistory),
            $"The counts history ends with {countsHistory.Current}, but the unit has {Headcount} staff and {MemberCount} members.");
    }

    /// <summary>This StationedUnit's stored form.</summary>
    internal Persistence.StationedUnitStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Name = Name,
        Kind = Kind,
        Headcount = Headcount,
        MemberCount = MemberCount,
        PartyOrganisationId = PartyOrganisationId,
        HasOwnOrganisation = HasOwnOrganisation,
        CoverageHistory = CoverageHistory.Segments,
        CountsHistory = CountsHistory.Segments,
        SignedCoBuildingAgreement = SignedCoBuildingAgreement,
        Location = Location,
        Communities = Communities.Segments,
    };

    /// <summary>Rebuilds a StationedUnit from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static StationedUnit FromStoredForm(Persistence.StationedUnitStoredForm form) => new(form);
}
