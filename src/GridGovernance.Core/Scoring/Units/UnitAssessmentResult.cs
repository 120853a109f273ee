using System.Collections.Immutable;

namespace GridGovernance.Scoring.Units;

/// <summary>The organisation points of every unit assessed for a period (e.g. Yibin's quarter of organs), in unit id order.</summary>
[Immutable]
public sealed class UnitAssessmentResult
{
    internal UnitAssessmentResult(RuleBook ruleBook, AssessmentPeriod period, ImmutableArray<UnitAssessment> units, int skippedEntries)
    {
        RuleBook = ruleBook;
        Period = period;
        Units = units;
        SkippedEntries = skippedEntries;
    }

    /// <summary>The unit rule book.</summary>
    public RuleBook RuleBook { get; }

    /// <summary>The period.</summary>
    public AssessmentPeriod Period { get; }

    /// <summary>One line per unit assessed, in unit id order.</summary>
    public ImmutableArray<UnitAssessment> Units { get; }

    /// <summary>Entries outside the period or of units not assessed.</summary>
    public int SkippedEntries { get; }

    /// <summary>A unit's line.</summary>
    /// <param name="unit">The unit.</param>
    /// <exception cref="ArgumentException">The unit was not assessed.</exception>
    public UnitAssessment this[OrgUnitId unit] =>
        Units.FirstOrDefault(u => u.Unit == unit) ?? throw new ArgumentException($"{unit} was not assessed.", nameof(unit));

    /// <summary>Each unit's total, for <see cref="Stars.OrganisationStars.For"/>.</summary>
    public IReadOnlyDictionary<OrgUnitId, Points> Totals => Units.ToDictionary(u => u.Unit, u => u.Total);

    /// <inheritdoc />
    public override string ToString() => $"{Units.Length} units, {Period}, rule book '{RuleBook.Id}' version {RuleBook.Version}";
}
