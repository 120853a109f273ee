namespace GridGovernance.Scoring;

/// <summary>The outcome of one entry, or of a grant or threshold the engine applied (then <see cref="Entry"/> is null).</summary>
/// <param name="Entry">The entry, or <c>null</c> for an automatic grant or a threshold penalty.</param>
/// <param name="Item">The item code.</param>
/// <param name="Worth">What the entry was worth under its rule version.</param>
/// <param name="Counted">The points that counted after caps (an entry refused by a cap counts zero points but is still an occurrence; see <see cref="EntryOutcomeKind"/>).</param>
/// <param name="Outcome">What happened.</param>
[Immutable]
public sealed record EntryOutcome(AssessmentEntry? Entry, string Item, Points Worth, Points Counted, EntryOutcomeKind Outcome);
