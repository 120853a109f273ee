using System.Collections.Immutable;
using NodaTime;

namespace GridGovernance.Organisation;

/// <summary>
/// An organisation unit (党组织 / 组织单元): a district (区委), street committee (街道党工委), community committee
/// (社区党委), grid branch (网格党支部), party group (党小组) or a functional organisation (区域党委, 行业党委,
/// 功能型党支部, 临时党组织). Its name and its parent keep their history, so it can be asked "as of" any date.
/// </summary>
/// <remarks>
/// Structural changes (add, move, close, merge, split) go through <see cref="OrganisationService"/>, which checks
/// them against the <see cref="HierarchySchema"/> and the rest of the tree; that is why they are not public here.
/// </remarks>
[Mutable]
public sealed class OrgUnit : AggregateRoot<OrgUnitId>
{
    private OrgUnit(OrgUnitId id, UnitKind kind, Timeline<string> names, Timeline<OrgUnitId?> parents)
        : base(id)
    {
        Kind = kind;
        Names = names;
        Parents = parents;
        kinds = Timeline<UnitKind>.StartWith(kind, parents.Start);
    }

    // The kind's history. Null for a unit stored before kinds had a history: its kind then never changed.
    private Timeline<UnitKind>? kinds;

    /// <summary>The unit's current (latest) kind; <see cref="KindOn"/> gives the kind on a date (a town becomes a street, 改镇设街).</summary>
    public UnitKind Kind { get; private set; }

    /// <summary>The history of the unit's kind (one segment unless the kind changed, <see cref="OrganisationService.ChangeUnitKindAsync"/>).</summary>
    public Timeline<UnitKind> Kinds => kinds ?? Timeline<UnitKind>.StartWith(Kind, OpenedOn);

    /// <summary>The history of the unit's name.</summary>
    public Timeline<string> Names { get; private set; }

    /// <summary>The history of the unit's parent (<c>null</c> while it is a root). Its extent is the unit's life.</summary>
    public Timeline<OrgUnitId?> Parents { get; private set; }

    /// <summary>The current (latest) name.</summary>
    public string Name => Names.Current;

    /// <summary>The current (latest) parent, or <c>null</c> for a root.</summary>
    public OrgUnitId? ParentId => Parents.Current;

    /// <summary>The day the unit opened.</summary>
    public LocalDate OpenedOn => Parents.Start;

    /// <summary>The first day the unit no longer exists, or <c>null</c> while open.</summary>
    public LocalDate? ClosedOn => Parents.Last.Until;

    /// <summary>Whether a closing date is recorded.</summary>
    public bool IsClosed => !Parents.IsOpen;

    /// <summary>The grid branch kind (直管型 / 共建型 / 组合型), for grid units.</summary>
    public GridBranchKind? GridBranchKind { get; private set; }

    /// <summary>The party group kind (楼宇 / 商户), for party groups.</summary>
    public PartyGroupKind? PartyGroupKind { get; private set; }

    /// <summary>The stationed unit a co-built (共建型) grid branch is built with, if any.</summary>
    public StationedUnitId? CoBuildingPartner { get; private set; }

    /// <summary>The units that took over this unit's contents when it was merged or split.</summary>
    public ImmutableArray<OrgUnitId> Successors { get; private set; } = [];

    /// <summary>For a regional committee (区域党委): the communities it spans, with history.</summary>
    public ImmutableArray<UnitSpan> Spans { get; private set; } = [];

    /// <summary>For a regional committee: the rotating chair's terms (轮值主席).</summary>
    public ImmutableArray<ChairTerm> ChairTerms { get; private set; } = [];

    /// <summary>Whether the unit exists on <paramref name="date"/>.</summary>
    /// <param name="date">The day to ask about.</param>
    public bool IsOpenOn(LocalDate date) => Parents.HoldsOn(date);

    /// <summary>The parent on <paramref name="date"/>.</summary>
    /// <param name="date">The day to ask about.</param>
    /// <param name="parent">The parent, <c>null</c> for a root.</param>
    /// <returns><c>false</c> when the unit did not exist that day.</returns>
    public bool TryGetParentOn(LocalDate date, out OrgUnitId? parent) => Parents.TryGetValueAt(date, out parent);

    /// <summary>The name on <paramref name="date"/>, or <c>null</c> when the unit did not exist that day.</summary>
    /// <param name="date">The day to ask about.</param>
    public string? NameOn(LocalDate date) => Names.TryGetValueAt(date, out var name) ? name : null;

    /// <summary>The kind on <paramref name="date"/>, or <c>null</c> when the unit did not exist that day.</summary>
    /// <param name="date">The day to ask about.</param>
    public UnitKind? KindOn(LocalDate date)
    {
        if (!IsOpenOn(date))
        {
            return null;
        }
        return Kinds.TryGetValueAt(date, out var kind) ? kind : Kind;
    }

    /// <summary>The communities spanned on <paramref name="date"/>.</summary>
    /// <param name="date">The day to ask about.</param>
    public IEnumerable<OrgUnitId> SpannedOn(LocalDate date) => Spans.Where(s => s.Validity.Contains(date)).Select(s => s.Unit);

    /// <summary>The chair's term that covers <paramref name="date"/>, if any.</summary>
    /// <param name="date">The day to ask about.</param>
    public ChairTerm? ChairOn(LocalDate date) => ChairTerms.FirstOrDefault(t => t.Term.Contains(date));

    internal static OrgUnit Create(UnitDraft draft, LocalDate effective)
    {
        var unit = new OrgUnit(draft.Id, draft.Kind, Timeline<string>.StartWith(draft.Name.Trim(), effective), Timeline<OrgUnitId?>.StartWith(draft.ParentId, effective))
        {
            GridBranchKind = draft.GridBranchKind,
            PartyGroupKind = draft.PartyGroupKind,
            CoBuildingPartner = draft.CoBuildingPartner,
        };
        unit.Raise(new OrgUnitAdded(draft.Id, draft.Kind, draft.ParentId, effective));
        return unit;
    }

    /// <summary>Renames the unit from <paramref name="effective"/> on; the former name stays in <see cref="Names"/>.</summary>
    /// <param name="name">The new name.</param>
    /// <param name="effective">The day the new name applies.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="name"/> is blank.</exception>
    /// <exception cref="GridGovernanceException">The unit is closed, or the date is before its last name change.</exception>
    public void Rename(string name, LocalDate effective)
    {
        Preconditions.CheckNotBlank(name);
        CheckOpenOn(effective);
        var old = Name;
        var changed = Names.ChangeTo(name.Trim(), effective);
        if (!ReferenceEquals(changed, Names))
        {
            Names = changed;
            Raise(new OrgUnitRenamed(Id, old, Name, effective));
        }
    }

    /// <summary>Changes the kind from <paramref name="effective"/> on (改镇设街); the former kind stays in <see cref="Kinds"/>.</summary>
    internal void ChangeKind(UnitKind kind, LocalDate effective)
    {
        CheckOpenOn(effective);
        var old = Kind;
        var current = Kinds;
        var changed = current.ChangeTo(kind, effective);
        if (!ReferenceEquals(changed, current))
        {
            kinds = changed;
            Kind = kind;
            Raise(new OrgUnitKindChanged(Id, old, kind, effective));
        }
    }

    internal void MoveTo(OrgUnitId? parent, LocalDate effective)
    {
        CheckOpenOn(effective);
        var old = ParentId;
        var changed = Parents.ChangeTo(parent, effective);
        if (!ReferenceEquals(changed, Parents))
        {
            Parents = changed;
            Raise(new OrgUnitMoved(Id, old, parent, effective));
        }
    }

    internal void Close(LocalDate effective, IReadOnlyList<OrgUnitId> successors)
    {
        CheckOpenOn(effective);
        Parents = Parents.EndOn(effective);
        Names = Names.EndOn(effective);
        kinds = Kinds.EndOn(effective);
        Successors = [.. successors];
        Raise(new OrgUnitClosed(Id, effective, successors));
    }

    internal void AddSpan(OrgUnitId community, Validity validity)
    {
        Preconditions.CheckState(!Spans.Any(s => s.Unit == community && s.Validity.Overlaps(validity)), ErrorCodes.InvalidSpan,
            $"{Id} already spans {community} during {validity}.");
        var span = new UnitSpan(community, validity);
        Spans = Spans.Add(span);
        Raise(new OrgUnitSpanChanged(Id, community, validity));
    }

    /// <summary>
    /// Moves this regional committee's spans over <paramref name="closing"/> to its successors from
    /// <paramref name="effective"/> on: the span ends that day and each successor is spanned for the rest of it (unless
    /// it is spanned then already). Returns whether anything changed.
    /// </summary>
    internal bool CarrySpans(OrgUnitId closing, IReadOnlyList<OrgUnitId> successors, LocalDate effective)
    {
        bool changed = false;
        foreach (var span in Spans.Where(s => s.Unit == closing && (s.Validity.Until is null || s.Validity.Until > effective)).ToList())
        {
            var rest = new Validity(span.Validity.From > effective ? span.Validity.From : effective, span.Validity.Until);
            Spans = Spans.Remove(span);
            if (span.Validity.From < effective)
            {
                var ended = span with { Validity = span.Validity.EndOn(effective) };
                Spans = Spans.Add(ended);
                Raise(new OrgUnitSpanChanged(Id, closing, ended.Validity));
            }
            foreach (var successor in successors)
            {
                if (!Spans.Any(s => s.Unit == successor && s.Validity.Overlaps(rest)))
                {
                    Spans = Spans.Add(new UnitSpan(successor, rest));
                    Raise(new OrgUnitSpanChanged(Id, successor, rest));
                }
            }
            changed = true;
        }
        return changed;
    }

    internal void AddChairTerm(ChairTerm term)
    {
        Preconditions.CheckState(!ChairTerms.Any(t => t.Term.Overlaps(term.Term)), ErrorCodes.InvalidSpan,
            $"{Id} already has a chair during {term.Term}; terms of a rotating chair do not overlap.");
        ChairTerms = ChairTerms.Add(term);
        Raise(new OrgUnitChairAppointed(Id, term));
    }

    private void CheckOpenOn(LocalDate date)
    {
        Preconditions.CheckState(date >= OpenedOn, ErrorCodes.RetroactiveChange, $"{Id} opened on {OpenedOn:yyyy-MM-dd}; it cannot change on {date:yyyy-MM-dd}.");
        Preconditions.CheckState(Parents.IsOpen, ErrorCodes.UnitClosed, $"{Id} ({Name}) closed on {ClosedOn:yyyy-MM-dd}; it cannot change on {date:yyyy-MM-dd}.");
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private OrgUnit(Persistence.OrgUnitStoredForm form)
        : base(form.Id)
    {
        Kind = form.Kind;
        kinds = Timeline<UnitKind>.FromSegments(form.Kinds);
        Preconditions.CheckArgument(kinds.Current == Kind, nameof(form.Kinds), $"The kind history ends with {kinds.Current}, but the kind is {Kind}.");
        Names = Timeline<string>.FromSegments(form.Names);
        Parents = Timeline<OrgUnitId?>.FromSegments(form.Parents);
        GridBranchKind = form.GridBranchKind;
        PartyGroupKind = form.PartyGroupKind;
        CoBuildingPartner = form.CoBuildingPartner;
        Successors = form.Successors;
        Spans = form.Spans;
        ChairTerms = form.ChairTerms;
    }

    /// <summary>This OrgUnit's stored form.</summary>
    internal Persistence.OrgUnitStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Kind = Kind,
        Kinds = Kinds.Segments,
        Names = Names.Segments,
        Parents = Parents.Segments,
        GridBranchKind = GridBranchKind,
        PartyGroupKind = PartyGroupKind,
        CoBuildingPartner = CoBuildingPartner,
        Successors = Successors,
        Spans = Spans,
        ChairTerms = ChairTerms,
    };

    /// <summary>Rebuilds a OrgUnit from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static OrgUnit FromStoredForm(Persistence.OrgUnitStoredForm form) => new(form);
}
