using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Claims;
using GridGovernance.Claims.Matching;
using NodaTime;

namespace GridGovernance.Testing;

/// <summary>
/// FsCheck arbitraries for claim matching instances (项目认领): a project list (项目清单) and a resource list (资源清单)
/// that <see cref="ClaimMatcher.Match(IEnumerable{ClaimableProject}, IEnumerable{UnitResource}, ClaimMatchingOptions?)"/>
/// accepts. Use with <c>[Property(Arbitrary = new[] { typeof(ClaimsArbitraries) })]</c> and take a
/// <see cref="ClaimsInstance"/> parameter.
/// </summary>
/// <remarks>
/// Up to (size / 4 + 2) projects and (size / 5 + 2) units within about three kilometres, over three of Yibin's
/// categories and three areas: projects needing one or two claimants with deadlines in the year after
/// <see cref="ClaimsGenerator.OpeningDate"/>; units of capacity 0–2, offering some categories, serving some areas
/// (or any), available for part of the year, sometimes with their own distance limit; sometimes category weights and a
/// global distance limit. Project ids are 1…n and unit ids 1…m. Instances shrink by dropping projects, then units.
/// </remarks>
public static class ClaimsArbitraries
{
    private static readonly string[] Categories = [ClaimsGenerator.YibinCategories[0], ClaimsGenerator.YibinCategories[1], ClaimsGenerator.YibinCategories[2]];
    private static readonly GeoPoint Centre = new(28.77, 104.63);

    /// <summary>Valid claim matching instances that shrink.</summary>
    public static Arbitrary<ClaimsInstance> Instance() => Arb.From(InstanceGen(), Shrink);

    /// <summary>The generator behind <see cref="Instance"/>, for composing.</summary>
    public static Gen<ClaimsInstance> InstanceGen() =>
        Gen.Sized(size =>
            from projectCount in Gen.Choose(0, size / 4 + 2)
            from projects in Gen.ListOf(ProjectGen(), projectCount)
            from unitCount in Gen.Choose(0, size / 5 + 2)
            from resources in Gen.ListOf(ResourceGen(), unitCount)
            from options in OptionsGen()
            select new ClaimsInstance(
                $"{projectCount} projects × {unitCount} units",
                [.. projects.Select((p, i) => p with { Id = new ProjectId(i + 1) })],
                [.. resources.Select((r, i) => r with { Unit = new OrgUnitId(i + 1) })],
                options));

    /// <summary>Smaller instances: fewer projects first, then fewer units; the options stay.</summary>
    /// <param name="instance">The instance to shrink.</param>
    public static IEnumerable<ClaimsInstance> Shrink(ClaimsInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        foreach (var projects in RosterArbitraries.Fewer(instance.Projects))
        {
            yield return instance with { Name = $"{projects.Count} projects × {instance.Resources.Count} units", Projects = projects };
        }
        foreach (var resources in RosterArbitraries.Fewer(instance.Resources))
        {
            yield return instance with { Name = $"{instance.Projects.Count} projects × {resources.Count} units", Resources = resources };
        }
    }

    private static Gen<GeoPoint> NearGen() =>
        from dLat in Gen.Choose(-150, 150)
        from dLon in Gen.Choose(-150, 150)
        select new GeoPoint(Centre.Latitude + dLat / 10_000.0, Centre.Longitude + dLon / 10_000.0);

    private static Gen<ClaimableProject> ProjectGen() =>
        from category in Gen.Elements(Categories)
        from location in NearGen()
        from area in Gen.Choose(1, 3)
        from claimants in Gen.Frequency((3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from deadline in Gen.Choose(0, 364)
        select new ClaimableProject(new ProjectId(1), category, location, new AreaId(area), claimants, ClaimsGenerator.OpeningDate.PlusDays(deadline));

    private static Gen<UnitResource> ResourceGen() =>
        from categories in Gen.SubListOf(Categories)
        from capacity in Gen.Choose(0, 2)
        from location in NearGen()
        from areas in Gen.Frequency((1, Gen.Constant(new List<int>())), (2, Gen.SubListOf(new[] { 1, 2, 3 }).Select(a => a.ToList())))
        from start in Gen.Choose(0, 200)
        from length in Gen.Choose(0, 364)
        from limit in Gen.Frequency((3, Gen.Constant<double?>(null)), (1, Gen.Choose(500, 4000).Select(m => (double?)m)))
        select new UnitResource(
            new OrgUnitId(1),
            [.. categories],
            capacity,
            location,
            [.. areas.Select(a => new AreaId(a))],
            new DateInterval(ClaimsGenerator.OpeningDate.PlusDays(start), ClaimsGenerator.OpeningDate.PlusDays(start + length)),
            limit);

    private static Gen<ClaimMatchingOptions> OptionsGen() =>
        from weighted in Gen.Elements(false, true)
        from weights in Gen.ListOf(Gen.Choose(1, 3), Categories.Length)
        from limit in Gen.Frequency((2, Gen.Constant<double?>(null)), (1, Gen.Choose(1000, 5000).Select(m => (double?)m)))
        select new ClaimMatchingOptions
        {
            CategoryWeights = weighted ? Categories.Zip(weights).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal) : ImmutableDictionary<string, int>.Empty,
            MaxDistanceMetres = limit,
        };
}
