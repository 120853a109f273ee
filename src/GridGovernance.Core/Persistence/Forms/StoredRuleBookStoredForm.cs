using System.Collections.Immutable;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Catalogue;

namespace GridGovernance.Persistence;

/// <summary>
/// The stored form of a <see cref="StoredRuleBook"/>: every value the aggregate keeps, by a name that is part of the storage
/// contract (renaming one needs a new form version and an upgrade step, <see cref="StoredForms.StoredRuleBook"/>). The version
/// (the concurrency token) is not part of it.
/// </summary>
[Immutable]
public sealed record StoredRuleBookStoredForm
{
    /// <summary>The aggregate's id.</summary>
    public required RuleBookId Id { get; init; }

    /// <summary>The unit that adopted the rule book (a district or street committee): who may revise it is decided on it.</summary>
    public required OrgUnitId Owner { get; init; }

    /// <summary>The name of the latest version.</summary>
    public required string Name { get; init; }

    /// <summary>Every version, by version ascending.</summary>
    public required ImmutableArray<StoredRuleBookVersion> Versions { get; init; }
}
