using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Contacts;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Contacts;

/// <summary>
/// The contact plan over <see cref="Small"/> instances with one of four option sets, which shrink by households, then
/// members; the changes a rebalancing sees are drawn from <see cref="Choices"/>.
/// </summary>
public sealed class ContactPlanProperties
{
    /// <summary>An instance and the options to plan it with.</summary>
    public sealed record Case(ContactScenario Scenario, ContactPlanOptions Options)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"{Scenario.Households.Length} households, members [{string.Join(", ", Scenario.Members.Select(m => $"{m.Id}/{m.Kind}/{m.Community}"))}], {Options}";
    }

    /// <summary>Small instances (<see cref="Small"/>, <see cref="OptionsFor"/> of the same seed) that shrink: fewer households, then fewer members.</summary>
    internal static Arbitrary<Case> Cases() => SeededArbitraries.Seeded(seed => new Case(Small(seed), OptionsFor(seed)), Shrink);

    private static IEnumerable<Case> Shrink(Case c)
    {
        foreach (var households in SeededArbitraries.Fewer(c.Scenario.Households))
        {
            yield return c with { Scenario = c.Scenario with { Households = households } };
        }
        foreach (var members in SeededArbitraries.Fewer(c.Scenario.Members))
        {
            yield return c with { Scenario = c.Scenario with { Members = members } };
        }
    }

    /// <summary>A small instance: 0–240 households over communities of 60, 0–40 members, a share of them in-service (capacity 5) so some pools run full.</summary>
    internal static ContactScenario Small(int seed)
    {
        var random = new Random(seed);
        int households = random.Next(0, 241);
        int members = random.Next(0, 41);
        return ContactGenerator.Generate(households, members, seed, householdsPerCommunity: 60, gridsPerCommunity: 3, inServiceShare: random.NextDouble());
    }

    internal static ContactPlanOptions OptionsFor(int seed) => (seed & 3) switch
    {
        0 => ContactPlanOptions.Default,
        1 => ContactPlanOptions.Default with { AllowCrossGrid = false },
        2 => ContactPlanOptions.Default with { CandidatesPerHousehold = 3, CrossGridPenaltyMetres = 0 },
        _ => ContactPlanOptions.Default with { CandidatesPerHousehold = 6, CrossGridPenaltyMetres = 1000 },
    };

    [Property(MaxTest = 150)]
    public Property NoMember_IsOverCapacity() => Prop.ForAll(Cases(), c =>
    {
        var s = c.Scenario;
        var options = c.Options;
        var plan = ContactPlanEngine.Plan(s.Households, s.Members, options);
        return s.Members.All(m => plan.LoadOf(m.Id) <= options.CapacityOf(m.Kind))
            && plan.Links.Count() == plan.CoveredCount
            && plan.Links.All(l => s.Members.First(m => m.Id == l.Member).Community == s.Households.First(h => h.Id == l.Household).Community);
    });

    [Property(MaxTest = 150)]
    public Property Coverage_EqualsTheMaxFlowOfTheFullAllowedGraph() => Prop.ForAll(Cases(), c =>
    {
        var s = c.Scenario;
        var options = c.Options;
        var plan = ContactPlanEngine.Plan(s.Households, s.Members, options);
        int maxFlow = ContactOracle.MaxCoverage(ContactOracle.FullGraph(s.Households, s.Members, options));
        return plan.CoveredCount == maxFlow && plan.CoveredCount + plan.Uncovered.Length == s.Households.Length;
    });

    [Property(MaxTest = 150)]
    public Property EveryUncoveredHousehold_HasTheRightReason() => Prop.ForAll(Cases(), c =>
    {
        var s = c.Scenario;
        var options = c.Options;
        var plan = ContactPlanEngine.Plan(s.Households, s.Members, options);
        foreach (var u in plan.Uncovered)
        {
            var allowed = s.Members.Where(m => m.Community == u.Community && (options.AllowCrossGrid || m.Grid == u.Grid)).ToList();
            bool right = u.Reason switch
            {
                UncoveredReason.NoMemberAvailable => allowed.Count == 0,
                UncoveredReason.AllMembersFull => allowed.Count > 0 && allowed.All(m => plan.LoadOf(m.Id) == options.CapacityOf(m.Kind)),
                _ => false,
            };
            if (!right)
            {
                return false;
            }
        }
        return true;
    });

    /// <summary>The 1 % bound is for the default 12 candidates (3 or 6 can be several per cent off on tight small pools).</summary>
    [Property(MaxTest = 200)]
    public Property CostGap_AgainstTheOrToolsOptimum_IsWithinOnePercent() => Prop.ForAll(Cases(), c =>
    {
        var s = c.Scenario;
        var options = c.Options with { CandidatesPerHousehold = ContactPlanOptions.Default.CandidatesPerHousehold };
        var plan = ContactPlanEngine.Plan(s.Households, s.Members, options);
        var (optimum, covered) = ContactOracle.MinCost(ContactOracle.FullGraph(s.Households, s.Members, options));
        return plan.CoveredCount == covered && plan.TotalCostMetres >= optimum && plan.TotalCostMetres <= optimum + (optimum / 100);
    });

    [Property(MaxTest = 150)]
    public Property OnItsOwnCandidateGraph_ThePlanIsExactlyOptimal() => Prop.ForAll(Cases(), c =>
    {
        var s = c.Scenario;
        var options = c.Options;
        var (plan, graph) = ContactPlanEngine.PlanWithGraph(s.Households, s.Members, options);
        var (optimum, covered) = ContactOracle.MinCost(graph);
        return plan.CoveredCount == covered && plan.TotalCostMetres == optimum;
    });

    [Property(MaxTest = 150)]
    public Property Plan_IsIndependentOfInputOrder() => Prop.ForAll(Cases(), Choices.Arbitrary(), (c, random) =>
    {
        var s = c.Scenario;
        var options = c.Options;
        var first = ContactPlanEngine.Plan(s.Households, s.Members, options);
        var second = ContactPlanEngine.Plan(s.Households.OrderBy(_ => random.Next()).ToArray(), s.Members.OrderBy(_ => random.Next()).ToArray(), options);
        return first.Links.SequenceEqual(second.Links) && first.Uncovered.SequenceEqual(second.Uncovered);
    });

    [Property(MaxTest = 100)]
    public Property Rebalancing_UnchangedInput_GivesAnEmptyDiff() => Prop.ForAll(Cases(), Choices.Arbitrary(), (c, random) =>
    {
        var s = c.Scenario;
        var options = c.Options;
        var plan = ContactPlanEngine.Plan(s.Households, s.Members, options);
        var again = ContactPlanEngine.Rebalance(plan, s.Households.OrderBy(_ => random.Next()).ToArray(), s.Members.OrderBy(_ => random.Next()).ToArray());
        return again.Diff.IsEmpty && again.Plan.Links.SequenceEqual(plan.Links);
    });

    [Property(MaxTest = 100)]
    public Property Rebalancing_AfterChanges_KeepsCapacityAndFullCoverage_AndItsDiffReplaysTheChange() => Prop.ForAll(Cases(), Choices.Arbitrary(), (c, random) =>
    {
        var s = c.Scenario;
        var options = c.Options;
        var plan = ContactPlanEngine.Plan(s.Households, s.Members, options);
        var members = s.Members.Where(_ => random.Next(5) != 4).ToArray();
        var households = s.Households.Where(_ => random.Next(10) != 9).ToArray();
        var result = ContactPlanEngine.Rebalance(plan, households, members);
        var next = result.Plan;
        int maxFlow = ContactOracle.MaxCoverage(ContactOracle.FullGraph(households, members, options));
        // Old links minus removed plus added is exactly the new plan.
        var replay = plan.Links.Select(l => (l.Household, l.Member)).Except(result.Diff.Removed.Select(l => (l.Household, l.Member)))
            .Concat(result.Diff.Added.Select(l => (l.Household, l.Member))).Order().ToList();
        return next.CoveredCount == maxFlow
            && members.All(m => next.LoadOf(m.Id) <= options.CapacityOf(m.Kind))
            && replay.SequenceEqual(next.Links.Select(l => (l.Household, l.Member)).Order());
    });

    [Property(MaxTest = 100)]
    public Property RebalancingOneCommunity_GivesTheSamePlanAsRebalancingTheCity() => Prop.ForAll(Cases(), Choices.Arbitrary(), (c, random) =>
    {
        var s = c.Scenario;
        if (s.Households.Length == 0)
        {
            return true;
        }
        var options = c.Options;
        var plan = ContactPlanEngine.Plan(s.Households, s.Members, options);
        var community = s.Households[random.Next(s.Households.Length)].Community;
        bool Keep(OrgUnitId unit) => unit != community || random.Next(4) != 3;
        var households = s.Households.Where(h => Keep(h.Community)).ToArray();
        var members = s.Members.Where(m => Keep(m.Community)).ToArray();
        var city = ContactPlanEngine.Rebalance(plan, households, members);
        var one = ContactPlanEngine.RebalanceCommunity(plan, community, households.Where(h => h.Community == community), members.Where(m => m.Community == community));
        return SameRebalance(one, city);
    });

    [Property(MaxTest = 100)]
    public Property RebalancingOneCommunity_WithInterleavedIds_GivesTheSamePlanAsRebalancingTheCity() => Prop.ForAll(Cases(), Choices.Arbitrary(), (c, random) =>
    {
        // Ids shuffled over the communities (odd ones), so the community's rows lie between other communities' rows;
        // the change removes some of its rows and adds households and a member with even ids, which fall between them.
        var s = c.Scenario;
        if (s.Households.Length == 0)
        {
            return true;
        }
        var options = c.Options;
        ContactHousehold[] allHouseholds = [.. Shuffled(s.Households.Length, random).Select((id, i) => s.Households[i] with { Id = new HouseholdId((2 * id) + 1) })];
        ContactMember[] allMembers = [.. Shuffled(s.Members.Length, random).Select((id, j) => s.Members[j] with { Id = new MemberId((2 * id) + 1) })];
        var plan = ContactPlanEngine.Plan(allHouseholds, allMembers, options);
        var community = allHouseholds[random.Next(allHouseholds.Length)].Community;
        bool Keep(OrgUnitId unit) => unit != community || random.Next(4) != 3;
        var template = allHouseholds.First(h => h.Community == community);
        var newIds = Enumerable.Range(0, 3).Select(_ => 2 * random.Next(1, allHouseholds.Length + 2)).Distinct();
        ContactHousehold[] households = [.. allHouseholds.Where(h => Keep(h.Community)), .. newIds.Select(id => template with { Id = new HouseholdId(id) })];
        ContactMember[] members = [.. allMembers.Where(m => Keep(m.Community))];
        if (allMembers.FirstOrDefault(m => m.Community == community) is { Community.IsSpecified: true } model)
        {
            members = [.. members, model with { Id = new MemberId(2 * random.Next(1, allMembers.Length + 2)), Location = template.Location }];
        }
        var city = ContactPlanEngine.Rebalance(plan, households, members);
        var one = ContactPlanEngine.RebalanceCommunity(plan, community, households.Where(h => h.Community == community), members.Where(m => m.Community == community));
        return SameRebalance(one, city);
    });

    private static int[] Shuffled(int count, Choices random) => Enumerable.Range(0, count).OrderBy(_ => random.Next()).ToArray();

    /// <summary>The same plan (rows, links, uncovered households, totals, every member's households) and the same diff.</summary>
    private static bool SameRebalance(ContactRebalance one, ContactRebalance city) =>
        one.Plan.Households.SequenceEqual(city.Plan.Households) && one.Plan.Members.SequenceEqual(city.Plan.Members)
        && one.Plan.Links.SequenceEqual(city.Plan.Links) && one.Plan.Uncovered.SequenceEqual(city.Plan.Uncovered)
        && one.Plan.TotalDistanceMetres == city.Plan.TotalDistanceMetres && one.Plan.TotalCostMetres == city.Plan.TotalCostMetres
        && one.Plan.Members.All(m => one.Plan.HouseholdsOf(m.Id).SequenceEqual(city.Plan.HouseholdsOf(m.Id)) && one.Plan.LoadOf(m.Id) == city.Plan.LoadOf(m.Id))
        && one.Diff.Added.SequenceEqual(city.Diff.Added) && one.Diff.Removed.SequenceEqual(city.Diff.Removed);
}
