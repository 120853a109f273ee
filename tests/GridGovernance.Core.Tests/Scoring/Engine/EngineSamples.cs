using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

namespace GridGovernance.Tests.Scoring.Engine;

/// <summary>The members, period and shorthands the engine's unit tests share.</summary>
internal static class EngineSamples
{
    internal static readonly LocalDate Jan1 = new(2024, 1, 1);
    internal static readonly AssessmentPeriod Year = AssessmentPeriod.Year(2024);
    internal static readonly MemberId Alice = new(1);
    internal static readonly MemberId Bob = new(2);
    internal static readonly AssessmentSubject AliceSubject = new(Alice, MemberKind.LongResident, new OrgUnitId(10));
    internal static readonly AssessmentSubject BobSubject = new(Bob, MemberKind.InService, new OrgUnitId(10));

    /// <summary>A version of an item of <paramref name="kind"/>, in force from <paramref name="from"/> (default 1 January).</summary>
    internal static RuleItemVersion V(ItemKind kind, decimal points = 0, LocalDate? from = null) =>
        new() { EffectiveFrom = from ?? Jan1, Kind = kind, Points = Points.From(points) };

    /// <summary>An entry of <paramref name="member"/> for the item at <paramref name="item"/>, <paramref name="day"/> days after 1 January.</summary>
    internal static AssessmentEntry E(MemberId member, int item, int day, long sequence = 0) => new(member, item, Jan1.PlusDays(day), sequence);
}
