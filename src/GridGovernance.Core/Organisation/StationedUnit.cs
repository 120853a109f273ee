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
    }

    // Null only in a document stored before the history was kept: then the latest value stands for every day.
    private Timeline<StationedUnitCoverage>? coverageHistory;

    /// <summary>Its name.</summary>
    public string Name { get; private set; }

    /// <summary>Its kind.</summary>
    public StationedUnitKind Kind { get; }

    /// <summary>Staff.</summary>
    public int Headcount { get; private set; }

    /// <summary>Party members on its staff.</summary>
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

    /// <summary>Records a change of staff numbers.</summary>
    /// <param name="headcount">Staff; zero or more.</param>
    /// <param name="memberCount">Members; zero to <paramref name="headcount"/>.</param>
    /// <exception cref="GridGovernanceValidationException">A count is out of range.</exception>
    public void UpdateCounts(int headcount, int memberCount)
    {
        Preconditions.CheckArgumentRange(nameof(headcount), headcount, 0, int.MaxValue);
        Preconditions.CheckArgumentRange(nameof(memberCount), memberCount, 0, headcount);
        Headcount = headcount;
        MemberCount = memberCount;
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
        SignedCoBuildingAgreement = SignedCoBuildingAgreement,
        Location = Location,
        Communities = Communities.Segments,
    };

    /// <summary>Rebuilds a StationedUnit from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static StationedUnit FromStoredForm(Persistence.StationedUnitStoredForm form) => new(form);
}
