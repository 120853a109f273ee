using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Organisation;
using GridGovernance.Scoring;

namespace GridGovernance.Testing;

/// <summary>
/// FsCheck arbitraries for rosters: members (党员) and households (群众) placed under a valid hierarchy, and the
/// assessment roster (<see cref="AssessmentSubject"/>) the points engine reads. Use with
/// <c>[Property(Arbitrary = new[] { typeof(RosterArbitraries) })]</c> and take a <see cref="GeneratedCity"/> or an
/// <c>AssessmentSubject[]</c> parameter.
/// </summary>
/// <remarks>
/// Cities come from <see cref="HierarchyArbitraries.CityGen"/>; unlike that arbitrary, the one here shrinks a failing
/// city by dropping households, then members (with their roles), so a counterexample ends up with the fewest people
/// that still break the property. Every shrunk roster still imports (units, resident units and the remaining
/// members' roles are kept).
/// </remarks>
public static class RosterArbitraries
{
    /// <summary>Small valid cities whose members and households shrink.</summary>
    public static Arbitrary<GeneratedCity> City() => Arb.From(HierarchyArbitraries.CityGen(), ShrinkPeople);

    /// <summary>Assessment rosters of one to (size / 10 + 3) members, ids 1…n, of every kind, over three branches, with role multipliers.</summary>
    public static Arbitrary<AssessmentSubject[]> Subjects() => Arb.From(SubjectsGen(), ShrinkSubjects);

    /// <summary>The generator behind <see cref="Subjects"/>, for composing.</summary>
    public static Gen<AssessmentSubject[]> SubjectsGen() =>
        Gen.Sized(size => Gen.Choose(1, Math.Clamp(size / 10 + 3, 1, 12)))
            .SelectMany(count => Gen.ArrayOf(
                from kind in Gen.Elements(Enum.GetValues<MemberKind>())
                from branch in Gen.Choose(1, 3)
                from multiplier in Gen.Frequency((6, Gen.Constant(1m)), (1, Gen.Constant(1.2m)), (1, Gen.Constant(1.4m)), (1, Gen.Constant(0.5m)))
                select (kind, branch, multiplier), count))
            .Select(drawn => drawn.Select((d, i) => new AssessmentSubject(new MemberId(i + 1), d.kind, new OrgUnitId(d.branch)) { Multiplier = d.multiplier }).ToArray());

    /// <summary>The assessment roster of a city: each member with their kind and the unit they sit in (a grid branch or a party group).</summary>
    /// <param name="city">The city.</param>
    public static AssessmentSubject[] SubjectsOf(GeneratedCity city)
    {
        ArgumentNullException.ThrowIfNull(city);
        return [.. city.Roster.Members.Select(m => new AssessmentSubject(m.Id, m.Kind, m.BranchId))];
    }

    /// <summary>Smaller cities with fewer households, then fewer members; units and resident units stay.</summary>
    /// <param name="city">The city to shrink.</param>
    public static IEnumerable<GeneratedCity> ShrinkPeople(GeneratedCity city)
    {
        ArgumentNullException.ThrowIfNull(city);
        var roster = city.Roster;
        foreach (var households in Fewer(roster.Households))
        {
            yield return city with { Roster = roster with { Households = households } };
        }
        foreach (var members in Fewer(roster.Members))
        {
            var kept = members.Select(m => m.Id).ToHashSet();
            yield return city with { Roster = roster with { Members = members, Roles = [.. roster.Roles.Where(r => kept.Contains(r.MemberId))] } };
        }
    }

    /// <summary>Smaller rosters: the first half, then each one without one member; ids stay as they were.</summary>
    /// <param name="subjects">The roster to shrink.</param>
    public static IEnumerable<AssessmentSubject[]> ShrinkSubjects(AssessmentSubject[] subjects)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        return subjects.Length <= 1 ? [] : Fewer(subjects).Select(s => s.ToArray());
    }

    /// <summary>Shorter lists: the empty list, the first half, then the list without each one element (at most 20 of those).</summary>
    internal static IEnumerable<IReadOnlyList<T>> Fewer<T>(IReadOnlyList<T> items)
    {
        if (items.Count == 0)
        {
            yield break;
        }
        yield return [];
        if (items.Count > 2)
        {
            yield return [.. items.Take(items.Count / 2)];
        }
        for (int i = Math.Max(0, items.Count - 20); i < items.Count; i++)
        {
            yield return [.. items.Take(i), .. items.Skip(i + 1)];
        }
    }
}
