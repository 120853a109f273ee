using FsCheck;
using FsCheck.Fluent;

namespace GridGovernance.Testing;

/// <summary>
/// FsCheck arbitraries for valid hierarchies. Use with
/// <c>[Property(Arbitrary = new[] { typeof(HierarchyArbitraries) })]</c> and take a <see cref="GeneratedCity"/>
/// parameter: each one is a small city of random shape (from a street with one community up to a few streets)
/// that satisfies <see cref="GridGovernance.Organisation.HierarchySchemas.Standard"/>.
/// </summary>
public static class HierarchyArbitraries
{
    /// <summary>Small valid cities; FsCheck's size grows the shapes.</summary>
    public static Arbitrary<GeneratedCity> City() => CityGen().ToArbitrary();

    /// <summary>The generator behind <see cref="City"/>, for composing.</summary>
    public static Gen<GeneratedCity> CityGen() =>
        Gen.Sized(size =>
        {
            int scale = Math.Clamp(size / 10, 0, 4);
            return from streets in Gen.Choose(1, 1 + scale / 2)
                   from communities in Gen.Choose(streets, streets * (1 + scale / 2))
                   from grids in Gen.Choose(1, 2 + scale)
                   from groups in Gen.Choose(0, 1 + scale / 2)
                   from membersPerGrid in Gen.Choose(0, 3 + scale)
                   from householdsPerGrid in Gen.Choose(0, 4 + 2 * scale)
                   from stationedUnits in Gen.Choose(0, 2)
                   from seed in Gen.Choose(0, int.MaxValue)
                   select CityGenerator.Generate(
                       new CitySize(
                           "arbitrary",
                           streets,
                           communities,
                           new IntRange(1, grids),
                           new IntRange(0, groups),
                           new IntRange(0, membersPerGrid),
                           new IntRange(0, householdsPerGrid),
                           new IntRange(0, stationedUnits)),
                       seed);
        });
}
