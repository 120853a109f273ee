using System.Collections.Immutable;
using GridGovernance.Scoring.Ledger;
using NodaTime;

namespace GridGovernance.Scoring.Catalogue;

/// <summary>One version of a rule book in the catalogue: its JSON (<see cref="RuleBookJson"/>), when and by whom it was saved, and the periods published with it.</summary>
/// <param name="Version">The version (<see cref="RuleBook.Version"/>).</param>
/// <param name="Json">The rule book as <see cref="RuleBookJson.Serialize(RuleBook)"/> writes it.</param>
/// <param name="SavedAt">When this version was added, or last replaced before it was published.</param>
/// <param name="SavedBy">Who saved it.</param>
[Immutable]
public sealed record StoredRuleBookVersion(int Version, string Json, Instant SavedAt, LedgerActor SavedBy)
{
    /// <summary>The labels of the periods published with this version (<see cref="AssessmentPeriod.Label"/>), in the order published.
    /// Once there is one, the version never changes: a change is a new version.</summary>
    public ImmutableArray<string> PublishedPeriods { get; init; } = [];

    /// <summary>Whether a publication used this version (it can no longer change).</summary>
    public bool IsPublished => !PublishedPeriods.IsDefaultOrEmpty;

    /// <summary>Reads the version's rule book back from its JSON.</summary>
    /// <returns>The rule book.</returns>
    public RuleBook ToRuleBook() => RuleBookJson.Read(Json);
}
