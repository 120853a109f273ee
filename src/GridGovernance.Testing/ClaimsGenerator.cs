using System.Collections.Immutable;
using GridGovernance.Claims;
using GridGovernance.Claims.Matching;
using NodaTime;

namespace GridGovernance.Testing;

/// <summary>
/// Generates claim matching instances (项目认领) deterministically from a seed: small random ones for property tests,
/// a Yibin-shaped one (8 categories, 44 projects, 35 organs, nearby areas), a large one with about 20 candidate units
/// per project for benchmarks, and a tight one where supply equals demand.
/// </summary>
public static class ClaimsGenerator
{
    /// <summary>Yibin's eight service categories (助老, 关爱青少年, 环境整治, 平安建设, 文化, 健康, 就业, 法律服务).</summary>
    public static ImmutableArray<string> YibinCategories { get; } =
        ["elderly-care", "youth", "environment", "safety", "culture", "health", "employment", "legal"];

    /// <summary>The day the generated projects are opened; deadlines and availability lie in the year after it.</summary>
    public static LocalDate OpeningDate { get; } = new(2024, 1, 1);

    private static readonly GeoPoint Centre = new(28.77, 104.63); // a Yibin-like position

    /// <summary>
    /// A small random instance for property tests: up to <paramref name="maxProjects"/> projects and
    /// <paramref name="maxUnits"/> units in a few kilometres, 3 categories, 3 areas, capacities 0–2, 1–2 claimants,
    /// random availability, sometimes distance limits and weights.
    /// </summary>
    /// <param name="seed">The seed.</param>
    /// <param name="maxProjects">The most projects.</param>
    /// <param name="maxUnits">The most units.</param>
    public static ClaimsInstance Small(int seed, int maxProjects = 12, int maxUnits = 8)
    {
        var random = new Random(seed);
        string[] categories = ["a", "b", "c"];
        int projectCount = random.Next(0, maxProjects + 1);
        int unitCount = random.Next(0, maxUnits + 1);
        var projects = new List<ClaimableProject>();
        for (int i = 0; i < projectCount; i++)
        {
            projects.Add(new ClaimableProject(
                new ProjectId(random.Next(1, 1000) * 1000 + i),
                categories[random.Next(categories.Length)],
                Near(random, 0.03),
                new AreaId(random.Next(1, 4)),
                random.Next(4) == 0 ? 2 : 1,
                OpeningDate.PlusDays(random.Next(0, 365))));
        }
        var resources = new List<UnitResource>();
        for (int i = 0; i < unitCount; i++)
        {
            var offered = categories.Where(_ => random.Next(2) == 0).ToImmutableArray();
            var areas = random.Next(3) == 0 ? [] : Enumerable.Range(1, 3).Where(_ => random.Next(2) == 0).Select(a => new AreaId(a)).ToImmutableArray();
            var from = OpeningDate.PlusDays(random.Next(0, 200));
            resources.Add(new UnitResource(
                new OrgUnitId(random.Next(1, 1000) * 1000 + i),
                offered,
                random.Next(0, 3),
                Near(random, 0.03),
                areas,
                new DateInterval(from, from.PlusDays(random.Next(0, 365))),
                random.Next(4) == 0 ? random.Next(500, 4000) : null));
        }
        var options = new ClaimMatchingOptions
        {
            MaxDistanceMetres = random.Next(3) == 0 ? random.Next(1000, 5000) : null,
            CategoryWeights = random.Next(2) == 0
                ? ImmutableDictionary<string, int>.Empty
                : categories.ToImmutableDictionary(c => c, _ => random.Next(1, 4), StringComparer.Ordinal),
        };
        return new ClaimsInstance($"small-{seed}", projects, resources, options);
    }

    /// <summary>
    /// A Yibin-shaped instance: 35 organs (机关) with capacity 1–2 and 2–3 of the 8 categories each, 44 projects (one
    /// claimant each) spread over 11 community areas, each organ serving the areas whose centre lies within 300 m of it.
    /// Everything lies inside a rectangle of about 0.22 km² (430 m × 530 m), the size of Zhonggulou (中鼓楼) street,
    /// so no distance exceeds about 700 m.
    /// </summary>
    /// <param name="seed">The seed.</param>
    public static ClaimsInstance Yibin(int seed = 1)
    {
        var random = new Random(seed);
        var areaCentres = YibinAreaCentres();
        var projects = new List<ClaimableProject>();
        for (int i = 0; i < 44; i++)
        {
            int area = random.Next(areaCentres.Length);
            projects.Add(new ClaimableProject(
                new ProjectId(i + 1),
                YibinCategories[i % YibinCategories.Length],
                Jitter(random, areaCentres[area], 0.004 * YibinScale),
                new AreaId(area + 1),
                1,
                OpeningDate.PlusDays(random.Next(60, 365))));
        }
        var resources = new List<UnitResource>();
        for (int i = 0; i < 35; i++)
        {
            var location = Jitter(random, Centre, 0.03 * YibinScale);
            var areas = Enumerable.Range(0, areaCentres.Length)
                .Where(a => location.DistanceMetresTo(areaCentres[a]) <= 2500 * YibinScale)
                .Select(a => new AreaId(a + 1))
                .ToImmutableArray();
            var offered = YibinCategories.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToImmutableArray();
            resources.Add(new UnitResource(
                new OrgUnitId(101 + i),
                offered,
                random.Next(1, 3),
                location,
                areas.IsEmpty ? [new AreaId(1 + Nearest(location, areaCentres))] : areas,
                new DateInterval(OpeningDate, OpeningDate.PlusYears(1))));
        }
        var options = new ClaimMatchingOptions { CategoryWeights = ImmutableDictionary<string, int>.Empty.Add("elderly-care", 2) };
        return new ClaimsInstance("yibin", Shuffle(random, projects), Shuffle(random, resources), options);
    }

    // The first Yibin instance spread over about 15 km²; Zhonggulou (中鼓楼) is 0.22 km² (its case report), so every
    // length is scaled by √(0.22 / 15) ≈ 0.12: spacing, jitter and the service radius alike.
    private const double YibinScale = 0.12;

    /// <summary>The centres of the 11 community areas of <see cref="Yibin"/> (about 150 m apart), area id = index + 1.</summary>
    public static ImmutableArray<GeoPoint> YibinAreaCentres()
    {
        var centres = ImmutableArray.CreateBuilder<GeoPoint>(11);
        for (int i = 0; i < 11; i++)
        {
            centres.Add(new GeoPoint(Centre.Latitude + YibinScale * (-0.02 + (0.013 * (i % 4))), Centre.Longitude + YibinScale * (-0.02 + (0.018 * (i / 4)))));
        }
        return centres.MoveToImmutable();
    }

    /// <summary>
    /// A large instance: units (capacity 1–2, 2 of 8 categories, 90 % available all year) on a square grid of areas
    /// with about ten units each, each serving its own and the eight neighbouring areas; projects (one claimant)
    /// spread over the same grid. About 20 candidate units per project; distances up to a few kilometres.
    /// </summary>
    /// <param name="units">Units, e.g. 1,000.</param>
    /// <param name="projects">Projects, e.g. 5,000.</param>
    /// <param name="seed">The seed.</param>
    public static ClaimsInstance Large(int units, int projects, int seed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(projects);
        var random = new Random(seed);
        int side = Math.Max(1, (int)Math.Round(Math.Sqrt(units / 10.0)));
        const double cell = 0.01; // about 1.1 km
        var year = new DateInterval(OpeningDate, OpeningDate.PlusYears(1));
        var resources = new List<UnitResource>();
        for (int i = 0; i < units; i++)
        {
            int x = random.Next(side);
            int y = random.Next(side);
            var areas = ImmutableArray.CreateBuilder<AreaId>();
            for (int dx = -1; dx <= 1; dx++)
            {
                for (int dy = -1; dy <= 1; dy++)
                {
                    if (x + dx >= 0 && x + dx < side && y + dy >= 0 && y + dy < side)
                    {
                        areas.Add(AreaOf(side, x + dx, y + dy));
                    }
                }
            }
            int first = random.Next(YibinCategories.Length);
            int second = (first + 1 + random.Next(YibinCategories.Length - 1)) % YibinCategories.Length;
            var availability = random.Next(10) == 0 ? new DateInterval(OpeningDate, OpeningDate.PlusDays(random.Next(30, 180))) : year;
            resources.Add(new UnitResource(
                new OrgUnitId(i + 1),
                [YibinCategories[first], YibinCategories[second]],
                random.Next(1, 3),
                InCell(random, x, y, cell),
                areas.ToImmutable(),
                availability));
        }
        var projectList = new List<ClaimableProject>();
        for (int i = 0; i < projects; i++)
        {
            int x = random.Next(side);
            int y = random.Next(side);
            projectList.Add(new ClaimableProject(
                new ProjectId(i + 1),
                YibinCategories[random.Next(YibinCategories.Length)],
                InCell(random, x, y, cell),
                AreaOf(side, x, y),
                1,
                OpeningDate.PlusDays(random.Next(30, 365))));
        }
        var options = new ClaimMatchingOptions
        {
            CategoryWeights = YibinCategories.Select((c, i) => (c, w: 1 + (i % 3))).ToImmutableDictionary(e => e.c, e => e.w, StringComparer.Ordinal),
        };
        return new ClaimsInstance($"{units} units × {projects} projects", Shuffle(random, projectList), Shuffle(random, resources), options);
    }

    /// <summary>A <see cref="Large"/> instance whose project count equals the units' total capacity (supply = demand).</summary>
    /// <param name="units">Units, e.g. 1,000.</param>
    /// <param name="seed">The seed.</param>
    public static ClaimsInstance Tight(int units, int seed = 1)
    {
        var probe = Large(units, 0, seed);
        int capacity = probe.Resources.Sum(r => r.Capacity);
        var instance = Large(units, capacity, seed);
        return instance with { Name = $"{units} units × {capacity} projects (supply = demand)" };
    }

    /// <summary>
    /// The hand-made baseline (手工匹配): projects in id order, each place given to the nearest (least-cost) candidate
    /// unit that still has room. What a spreadsheet match does; used to show how much the optimum saves.
    /// </summary>
    /// <param name="network">The network.</param>
    public static ClaimMatchResult Greedy(ClaimNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var load = new int[network.Resources.Length];
        var chosen = new List<int>();
        var candidates = network.Candidates;
        int a = 0;
        for (int p = 0; p < network.Projects.Length; p++)
        {
            int start = a;
            while (a < candidates.Length && candidates[a].Project == p)
            {
                a++;
            }
            var taken = new HashSet<int>();
            for (int place = 0; place < network.Projects[p].ClaimantsRequired; place++)
            {
                int best = -1;
                for (int i = start; i < a; i++)
                {
                    var pair = candidates[i];
                    if (load[pair.Unit] < network.Resources[pair.Unit].Capacity && !taken.Contains(i) && (best < 0 || pair.Cost < candidates[best].Cost))
                    {
                        best = i;
                    }
                }
                if (best < 0)
                {
                    break;
                }
                taken.Add(best);
                load[candidates[best].Unit]++;
                chosen.Add(best);
            }
        }
        return network.Evaluate(chosen);
    }

    private static AreaId AreaOf(int side, int x, int y) => new((y * side) + x + 1);

    private static GeoPoint InCell(Random random, int x, int y, double cell) =>
        new(Centre.Latitude + ((y + random.NextDouble()) * cell), Centre.Longitude + ((x + random.NextDouble()) * cell));

    private static GeoPoint Near(Random random, double spread) => Jitter(random, Centre, spread);

    private static GeoPoint Jitter(Random random, GeoPoint point, double spread) =>
        new(point.Latitude + ((random.NextDouble() - 0.5) * spread), point.Longitude + ((random.NextDouble() - 0.5) * spread));

    private static int Nearest(GeoPoint point, ImmutableArray<GeoPoint> centres)
    {
        int best = 0;
        for (int i = 1; i < centres.Length; i++)
        {
            if (point.DistanceMetresTo(centres[i]) < point.DistanceMetresTo(centres[best]))
            {
                best = i;
            }
        }
        return best;
    }

    private static List<T> Shuffle<T>(Random random, List<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
        return items;
    }
}
