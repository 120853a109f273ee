using FsCheck.Xunit;
using GridGovernance.Claims.Matching;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Testing;

public sealed class ClaimsArbitrariesTest
{
    [Property(Arbitrary = [typeof(ClaimsArbitraries)], MaxTest = 200)]
    public bool TheMatcher_AcceptsEveryInstance_AndUsesOnlyItsUnitsWithinCapacity(ClaimsInstance instance)
    {
        var result = ClaimMatcher.Match(instance.Projects, instance.Resources, instance.Options);
        var capacity = instance.Resources.ToDictionary(r => r.Unit, r => r.Capacity);
        var used = result.Projects.SelectMany(p => p.Assignments).GroupBy(a => a.Unit).ToDictionary(g => g.Key, g => g.Count());
        return result.Projects.Length == instance.Projects.Count
               && used.All(u => capacity.TryGetValue(u.Key, out int c) && u.Value <= c)
               && instance.Projects.Select(p => p.Id).Distinct().Count() == instance.Projects.Count
               && instance.Resources.Select(r => r.Unit).Distinct().Count() == instance.Resources.Count;
    }

    [Property(Arbitrary = [typeof(ClaimsArbitraries)], MaxTest = 50)]
    public bool EveryShrink_IsSmaller_AndTheMatcherAcceptsIt(ClaimsInstance instance) =>
        ClaimsArbitraries.Shrink(instance).All(smaller =>
            smaller.Projects.Count + smaller.Resources.Count < instance.Projects.Count + instance.Resources.Count
            && ClaimMatcher.Match(smaller.Projects, smaller.Resources, smaller.Options).Projects.Length == smaller.Projects.Count);

    [Fact]
    public void ASmallInstance_PrintsEveryProjectAndUnit()
    {
        var instance = Samples.Draw(ClaimsArbitraries.InstanceGen(), 50, seed: 8).First(i => i.Projects.Count > 0 && i.Resources.Count > 0);
        string text = instance.ToString();
        Assert.All(instance.Projects, p => Assert.Contains(p.Id.ToString(), text));
        Assert.All(instance.Resources, r => Assert.Contains($"{r.Unit} [", text));
    }

    [Fact]
    public void Instances_CoverTwoClaimants_ZeroCapacity_AnyArea_DistanceLimits_AndWeights()
    {
        var instances = Samples.Draw(ClaimsArbitraries.InstanceGen(), 200, seed: 4);
        Assert.Contains(instances, i => i.Projects.Any(p => p.ClaimantsRequired == 2));
        Assert.Contains(instances, i => i.Resources.Any(r => r.Capacity == 0));
        Assert.Contains(instances, i => i.Resources.Any(r => r.Areas.IsEmpty));
        Assert.Contains(instances, i => i.Resources.Any(r => r.MaxDistanceMetres is not null));
        Assert.Contains(instances, i => i.Options.MaxDistanceMetres is not null && !i.Options.CategoryWeights.IsEmpty);
        Assert.Contains(instances, i => ClaimMatcher.Match(i.Projects, i.Resources, i.Options).FilledPlaces > 0);
    }
}
