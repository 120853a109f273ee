using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;

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
/// that still break the property. Every shrunk roster still imports (units, stationed units and the remaining
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

    /// <summary>
    /// People for a hierarchy of your own: up to (size / 2 + 2) members (with Chinese names, every kind, joined the
    /// Party one to fifty years before <paramref name="date"/>) placed in units of the kinds <paramref name="schema"/>
    /// lets members sit in, and up to (size + 2) households (one to five residents, sometimes a location) in units of
    /// the kinds it lets households sit in; added to <paramref name="hierarchy"/> with ids after its own. Where the
    /// hierarchy has no unit of such a kind, no members (or households) are made.
    /// </summary>
    /// <param name="hierarchy">The units (and whatever else the batch holds, kept as it is).</param>
    /// <param name="schema">The schema the hierarchy satisfies.</param>
    /// <param name="date">The day the batch is imported on.</param>
    public static Gen<RosterBatch> PeopleGen(RosterBatch hierarchy, HierarchySchema schema, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(hierarchy);
        ArgumentNullException.ThrowIfNull(schema);
        var memberUnits = hierarchy.Units.Where(u => schema.MemberKinds.Contains(u.Kind)).Select(u => u.Id).ToArray();
        var householdUnits = hierarchy.Units.Where(u => schema.HouseholdKinds.Contains(u.Kind)).Select(u => u.Id).ToArray();
        int nextMember = hierarchy.Members.Select(m => m.Id.Value).DefaultIfEmpty(0).Max() + 1;
        int nextHousehold = hierarchy.Households.Select(h => h.Id.Value).DefaultIfEmpty(0).Max() + 1;
        var member = from unit in Gen.Elements(memberUnits.DefaultIfEmpty().ToArray())
                     from name in NameGen()
                     from kind in Gen.Elements(Enum.GetValues<MemberKind>())
                     from years in Gen.Choose(1, 50)
                     select (unit, name, kind, years);
        var household = from unit in Gen.Elements(householdUnits.DefaultIfEmpty().ToArray())
                        from building in Gen.Choose(1, 30)
                        from door in Gen.Choose(101, 2602)
                        from residents in Gen.Choose(1, 5)
                        from located in Gen.Elements(false, true)
                        from dLat in Gen.Choose(-100, 100)
                        from dLon in Gen.Choose(-100, 100)
                        select (unit, building, door, residents, location: located ? new GeoPoint(23.354 + dLat / 10_000.0, 116.682 + dLon / 10_000.0) : (GeoPoint?)null);
        return Gen.Sized(size =>
            from members in memberUnits.Length == 0 ? Gen.Constant(new List<(OrgUnitId unit, string name, MemberKind kind, int years)>()) : Gen.Choose(0, size / 2 + 2).SelectMany(n => Gen.ListOf(member, n))
            from households in householdUnits.Length == 0 ? Gen.Constant(new List<(OrgUnitId unit, int building, int door, int residents, GeoPoint? location)>()) : Gen.Choose(0, size + 2).SelectMany(n => Gen.ListOf(household, n))
            select hierarchy with
            {
                Members = [.. hierarchy.Members, .. members.Select((m, i) => new MemberDraft(new MemberId(nextMember + i), m.name, m.kind, date.PlusYears(-m.years), m.unit))],
                Households = [.. hierarchy.Households, .. households.Select((h, i) => new HouseholdDraft(new HouseholdId(nextHousehold + i), h.unit, $"{h.building}号楼{h.door}室")
                {
                    Residents = h.residents,
                    Location = h.location,
                })],
            });
    }

    private static Gen<string> NameGen() =>
        from surname in Gen.Elements("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗".ToCharArray())
        from given in Gen.ListOf(Gen.Elements("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰".ToCharArray()), 2).SelectMany(g => Gen.Choose(1, 2).Select(n => g.Take(n)))
        select surname + string.Concat(given);

    /// <summary>The assessment roster of a city: each member with their kind and the unit they sit in (a grid branch or a party group).</summary>
    /// <param name="city">The city.</param>
    public static AssessmentSubject[] SubjectsOf(GeneratedCity city)
    {
        ArgumentNullException.ThrowIfNull(city);
        return [.. city.Roster.Members.Select(m => new AssessmentSubject(m.Id, m.Kind, m.BranchId))];
    }

    /// <summary>Smaller cities with fewer households, then fewer members; units and stationed units stay.</summary>
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
