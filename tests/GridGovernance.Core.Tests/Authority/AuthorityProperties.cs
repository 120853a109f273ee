using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace GridGovernance.Tests.Authority;

public sealed class AuthorityProperties
{
    [Property(Arbitrary = new[] { typeof(AuthorityArbitraries) }, MaxTest = 60)]
    public Property IndexAndStore_GiveTheSameDecisions(AuthorityScenario scenario)
    {
        var (index, decisions) = Run(scenario, async (provider, idx) =>
        {
            var results = new List<(AuthorityQuery, AuthorityDecision, AuthorityDecision)>();
            foreach (var query in scenario.Queries)
            {
                using var scope = provider.CreateScope();
                var fromStore = await scope.ServiceProvider.GetRequiredService<IAuthorityPolicy>().DecideAsync(query.Actor, query.Capability, query.Subject, scenario.City.Date);
                var fromIndex = AuthorityRules.Decide(AuthorityTable.Default, query.Actor, query.Capability, query.Subject, idx);
                results.Add((query, fromIndex, fromStore));
            }
            return results;
        });
        var differing = decisions.Where(d => d.Item2.IsAllowed != d.Item3.IsAllowed).ToList();
        return (differing.Count == 0).Label(string.Join("; ", differing.Select(d => $"{d.Item1}: index '{d.Item2.Reason}', store '{d.Item3.Reason}'")));
    }

    [Property(Arbitrary = new[] { typeof(AuthorityArbitraries) }, MaxTest = 60)]
    public Property Jurisdiction_EqualsABruteForceWalk(AuthorityScenario scenario)
    {
        var (index, mismatches) = Run(scenario, async (provider, idx) =>
        {
            using var scope = provider.CreateScope();
            var units = await scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync();
            var members = await scope.ServiceProvider.GetRequiredService<IReadRepository<Member>>().ListAsync();
            var households = await scope.ServiceProvider.GetRequiredService<IReadRepository<Household>>().ListAsync();
            var walk = new BruteForce(units, members, households, scenario.City.Date);
            var nodes = units.Select(u => (NodeRef)u.Id).Concat(members.Select(m => (NodeRef)m.Id)).Concat(households.Select(h => (NodeRef)h.Id)).ToArray();
            var found = new List<string>();
            foreach (var unit in units)
            {
                foreach (var node in nodes)
                {
                    foreach (bool dual in new[] { false, true })
                    {
                        if (idx.Covers(unit.Id, node, dual) != walk.Covers(unit.Id, node, dual))
                        {
                            found.Add($"{unit.Id} over {node} (dual {dual}): index {idx.Covers(unit.Id, node, dual)}");
                        }
                    }
                }
            }
            return found;
        });
        return (mismatches.Count == 0).Label(string.Join("; ", mismatches.Take(5)));
    }

    [Property(Arbitrary = new[] { typeof(AuthorityArbitraries) }, MaxTest = 60)]
    public Property EveryAllowedPost_HoldsAListedRoleOnTheDay(AuthorityScenario scenario)
    {
        var (index, _) = Run(scenario, (_, idx) => Task.FromResult(0));
        return scenario.Queries
            .Where(q => q.Actor.Kind == ActorKind.Post && AuthorityRules.Decide(AuthorityTable.Default, q.Actor, q.Capability, q.Subject, index).IsAllowed)
            .All(q => AuthorityTable.Default[q.Capability].Roles.Contains(q.Actor.Role)
                && index.HoldsPost(q.Actor.MemberId, q.Actor.Role, q.Actor.Unit)
                && q.Subject.Owner != q.Actor.MemberId
                && !q.Subject.Handlers.Contains(q.Actor.MemberId))
            .ToProperty();
    }

    private static (AuthorityIndex Index, T Result) Run<T>(AuthorityScenario scenario, Func<ServiceProvider, AuthorityIndex, Task<T>> body)
    {
        return Task.Run(async () =>
        {
            using var provider = await scenario.CreateServicesAsync();
            AuthorityIndex idx;
            using (var scope = provider.CreateScope())
            {
                var units = await scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync();
                var members = await scope.ServiceProvider.GetRequiredService<IReadRepository<Member>>().ListAsync();
                var households = await scope.ServiceProvider.GetRequiredService<IReadRepository<Household>>().ListAsync();
                idx = AuthorityIndex.Build(HierarchyIndex.Build(units, members, households, scenario.City.Date), members, units);
            }
            return (idx, await body(provider, idx));
        }).GetAwaiter().GetResult();
    }

    /// <summary>Jurisdiction by definition, from the records alone: the node's chain of units on the day, against the unit and what it spans.</summary>
    private sealed class BruteForce(IReadOnlyList<OrgUnit> units, IReadOnlyList<Member> members, IReadOnlyList<Household> households, LocalDate day)
    {
        private readonly Dictionary<OrgUnitId, OrgUnit> byId = units.ToDictionary(u => u.Id);

        public bool Covers(OrgUnitId unit, NodeRef node, bool dual)
        {
            if (!byId.TryGetValue(unit, out var actor) || !actor.IsOpenOn(day))
            {
                return false;
            }
            var reach = actor.SpannedOn(day).Append(unit).ToHashSet();
            if (Chain(StartOf(node)).Overlaps(reach))
            {
                return true;
            }
            if (dual && node.Kind == NodeKind.Member)
            {
                var member = members.First(m => m.Id == node.AsMember());
                return member.BranchOn(day) is not null && member.RegistrationsOn(day).Any(r => Chain(r.Unit).Overlaps(reach));
            }
            return false;
        }

        private OrgUnitId? StartOf(NodeRef node) => node.Kind switch
        {
            NodeKind.Unit => node.AsUnit(),
            NodeKind.Member => members.FirstOrDefault(m => m.Id == node.AsMember())?.BranchOn(day),
            _ => households.FirstOrDefault(h => h.Id == node.AsHousehold())?.UnitOn(day),
        };

        private HashSet<OrgUnitId> Chain(OrgUnitId? start)
        {
            var chain = new HashSet<OrgUnitId>();
            for (var current = start; current is OrgUnitId id;)
            {
                if (!byId.TryGetValue(id, out var u) || !u.TryGetParentOn(day, out var parent))
                {
                    return [];
                }
                chain.Add(id);
                current = parent;
            }
            return chain;
        }
    }
}
