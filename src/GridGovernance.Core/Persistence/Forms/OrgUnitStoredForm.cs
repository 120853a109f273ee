using System.Collections.Immutable;
using GridGovernance.Organisation;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="OrgUnit"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.OrgUnit"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record OrgUnitStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required OrgUnitId Id { get; init; }

    /// <summary>The unit's current (latest) kind; <c>KindOn</c> gives the kind on a date (a town becomes a street, 改镇设街).</summary>
    public required UnitKind Kind { get; init; }

    /// <summary>The history of the unit's kind (a restructure may change it), oldest first; its last value is <see cref="Kind"/>.</summary>
    public required ImmutableArray<Segment<UnitKind>> Kinds { get; init; }

    /// <summary>The history of the unit's name. Stored as the timeline's segments, oldest first.</summary>
    public required ImmutableArray<Segment<string>> Names { get; init; }

    /// <summary>The history of the unit's parent (<c>null</c> while it is a root). Its extent is the unit's life. Stored as the timeline's segments, oldest first.</summary>
    public required ImmutableArray<Segment<OrgUnitId?>> Parents { get; init; }

    /// <summary>The grid branch kind (直管型 / 共建型 / 组合型), for grid units.</summary>
    public required GridBranchKind? GridBranchKind { get; init; }

    /// <summary>The party group kind (楼宇 / 商户), for party groups.</summary>
    public required PartyGroupKind? PartyGroupKind { get; init; }

    /// <summary>The stationed unit a co-built (共建型) grid branch is built with, if any.</summary>
    public required StationedUnitId? CoBuildingPartner { get; init; }

    /// <summary>The units that took over this unit's contents when it was merged or split.</summary>
    public required ImmutableArray<OrgUnitId> Successors { get; init; }

    /// <summary>For a regional committee (区域党委): the communities it spans, with history.</summary>
    public required ImmutableArray<UnitSpan> Spans { get; init; }

    /// <summary>For a regional committee: the rotating chair's terms (轮值主席).</summary>
    public required ImmutableArray<ChairTerm> ChairTerms { get; init; }
}
