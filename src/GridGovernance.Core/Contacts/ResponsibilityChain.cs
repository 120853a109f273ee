using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>
/// Which role answers at each level of the chain (六级联动 责任链), by unit kind, in order of preference: the first
/// role with a holder answers. Kinds not listed are skipped in chains (for example a functional branch).
/// </summary>
[Immutable]
public sealed record ResponsibilityChainOptions
{
    /// <summary>Laiwu's chain: 党小组长 for a party group; the grid branch secretary, else the grid head (网格长), for a grid; the secretary (书记) of a community, street and district.</summary>
    public static ResponsibilityChainOptions Default { get; } = new();

    /// <summary>The roles that answer for a unit of each kind, most preferred first.</summary>
    public ImmutableDictionary<UnitKind, ImmutableArray<RoleKind>> Answerers { get; init; } = ImmutableDictionary.CreateRange(
    [
        KeyValuePair.Create(UnitKind.PartyGroup, ImmutableArray.Create(RoleKind.GroupLeader)),
        KeyValuePair.Create(UnitKind.GridBranch, ImmutableArray.Create(RoleKind.Secretary, RoleKind.GridHead)),
        KeyValuePair.Create(UnitKind.Branch, ImmutableArray.Create(RoleKind.Secretary)),
        KeyValuePair.Create(UnitKind.Community, ImmutableArray.Create(RoleKind.Secretary)),
        KeyValuePair.Create(UnitKind.Street, ImmutableArray.Create(RoleKind.Secretary)),
        KeyValuePair.Create(UnitKind.District, ImmutableArray.Create(RoleKind.Secretary)),
    ]);
}

/// <summary>One level of a household's chain: a unit and who answers for it.</summary>
/// <param name="Unit">The unit (党小组, 网格党支部, 社区党委, 街道党工委, 区委).</param>
/// <param name="Kind">Its kind.</param>
/// <param name="Role">The role that answers, or <c>null</c> when no configured role has a holder (a broken link).</param>
/// <param name="Answerer">The member holding it (the lowest id when several do), or <c>null</c>.</param>
[Immutable]
public readonly record struct ChainLevel(OrgUnitId Unit, UnitKind Kind, RoleKind? Role, MemberId? Answerer)
{
    /// <summary>Whether nobody answers at this level.</summary>
    public bool IsBroken => Answerer is null;
}

/// <summary>
/// A household's chain (责任链) as of a date: its contact member (联系党员), then who answers at each unit from the
/// lowest (party group or grid) up to the district.
/// </summary>
/// <param name="Household">The household.</param>
/// <param name="Contact">The member looking after it, or <c>null</c> (a broken link).</param>
/// <param name="Levels">The levels, lowest first.</param>
[Immutable]
public readonly record struct HouseholdChain(HouseholdId Household, MemberId? Contact, ImmutableArray<ChainLevel> Levels)
{
    /// <summary>Whether the household has a contact and every level has an answerer.</summary>
    public bool IsComplete => Contact is not null && Levels.All(l => !l.IsBroken);
}

/// <summary>A unit of a kind that should have an answerer but has none (e.g. a group without a leader, a grid without a head).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="ExpectedRoles">The roles any of which would answer.</param>
[Immutable]
public sealed record UnitWithoutAnswerer(OrgUnitId Unit, UnitKind Kind, ImmutableArray<RoleKind> ExpectedRoles);

/// <summary>A household without a contact member.</summary>
/// <param name="Household">The household.</param>
/// <param name="Unit">The unit it is placed in.</param>
/// <param name="Reason">Why, from the plan; <c>null</c> when the plan does not know the household.</param>
[Immutable]
public readonly record struct HouseholdWithoutContact(HouseholdId Household, OrgUnitId Unit, UncoveredReason? Reason);

/// <summary>Every broken link of a city's chains as of a date (链条体检).</summary>
/// <param name="AsOf">The date.</param>
/// <param name="UnitsWithoutAnswerer">Units without an answerer, by kind then id.</param>
/// <param name="HouseholdsWithoutContact">Households without a contact member, by id.</param>
[Immutable]
public sealed record ChainHealthReport(LocalDate AsOf, ImmutableArray<UnitWithoutAnswerer> UnitsWithoutAnswerer, ImmutableArray<HouseholdWithoutContact> HouseholdsWithoutContact)
{
    /// <summary>Whether nothing is broken.</summary>
    public bool IsHealthy => UnitsWithoutAnswerer.IsEmpty && HouseholdsWithoutContact.IsEmpty;
}

/// <summary>
/// Every household's chain (六级联动: 区—街道—社区—党小组—党员—群众) as of the hierarchy index's date,
/// precomputed per unit so <see cref="ChainOf"/> reads one packed entry (the contact and which chain), straight by id when
/// the household ids are dense (as a roster's are) and by binary search otherwise, and allocates nothing.
/// </summary>
/// <remarks>
/// A household's levels are its unit's ancestors (as of the date) whose kind has answerers configured. When its
/// contact member's primary branch is a party group directly under the household's unit (a grid), that group is
/// the lowest level, so the group leader (党小组长) answers between the member and the grid.
/// </remarks>
[Immutable]
public sealed class ResponsibilityChainIndex
{
    private readonly int[] householdIds;     // sorted
    private readonly int[] householdUnits;   // by household
    private readonly long[] entries;         // by household: Pack(contact, chain)
    private readonly int firstId;            // the smallest household id, when 'direct' is set
    private readonly long[]? direct;         // by id − firstId when the ids are dense: the entry, or 0 for no household
    private readonly ImmutableArray<ChainLevel>[] chains; // the distinct chains (one per starting unit)
    private readonly ContactPlan plan;
    private readonly ImmutableArray<UnitWithoutAnswerer> unitsWithoutAnswerer;

    private ResponsibilityChainIndex(LocalDate asOf, int[] householdIds, int[] householdUnits, long[] entries, ImmutableArray<ChainLevel>[] chains, ContactPlan plan, ImmutableArray<UnitWithoutAnswerer> unitsWithoutAnswerer)
    {
        AsOf = asOf;
        this.householdIds = householdIds;
        this.householdUnits = householdUnits;
        this.entries = entries;
        this.chains = chains;
        this.plan = plan;
        this.unitsWithoutAnswerer = unitsWithoutAnswerer;
        if (householdIds.Length > 0)
        {
            // Dense ids (a roster numbers its households): one table read a lookup instead of a binary search, which
            // over millions of households misses the cache at every step.
            long range = (long)householdIds[^1] - householdIds[0] + 1;
            if (range <= (2L * householdIds.Length) + 1024)
            {
                firstId = householdIds[0];
                direct = new long[range];
                for (int i = 0; i < householdIds.Length; i++)
                {
                    direct[householdIds[i] - firstId] = entries[i];
                }
            }
        }
    }

    /// <summary>The date the chains describe (the index's).</summary>
    public LocalDate AsOf { get; }

    /// <summary>How many households have a chain.</summary>
    public int Count => householdIds.Length;

    /// <summary>Builds every household's chain as of <paramref name="index"/>'s date.</summary>
    /// <param name="index">The hierarchy as of the date.</param>
    /// <param name="members">The members (their roles on the date give the answerers; their branches the groups).</param>
    /// <param name="households">The households (those not in the index are left out).</param>
    /// <param name="plan">The contact plan in force.</param>
    /// <param name="options">Which roles answer; <see cref="ResponsibilityChainOptions.Default"/> when <c>null</c>.</param>
    /// <returns>The chains.</returns>
    public static ResponsibilityChainIndex Build(HierarchyIndex index, IEnumerable<Member> members, IEnumerable<Household> households, ContactPlan plan, ResponsibilityChainOptions? options = null)
    {
        Preconditions.CheckNotNull(index);
        Preconditions.CheckNotNull(members);
        Preconditions.CheckNotNull(households);
        Preconditions.CheckNotNull(plan);
        options ??= ResponsibilityChainOptions.Default;
        var date = index.AsOf;
        var best = new Dictionary<int, (int Rank, RoleKind Role, int Member)>();
        var branchOf = new Dictionary<int, int>();
        foreach (var member in members)
        {
            if (member.BranchOn(date) is OrgUnitId branch)
            {
                branchOf[member.Id.Value] = branch.Value;
            }
            foreach (var role in member.RolesOn(date))
            {
                if (!index.Contains(role.Unit) || !options.Answerers.TryGetValue(index.KindOf(role.Unit), out var roles))
                {
                    continue;
                }
                int rank = roles.IndexOf(role.Role);
                if (rank < 0)
                {
                    continue;
                }
                ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(best, role.Unit.Value, out bool exists);
                if (!exists || rank < slot.Rank || (rank == slot.Rank && member.Id.Value < slot.Member))
                {
                    slot = (rank, role.Role, member.Id.Value);
                }
            }
        }
        var memo = new Dictionary<int, int>();
        var distinct = new List<ImmutableArray<ChainLevel>>();
        int ChainOfUnit(OrgUnitId unit)
        {
            if (memo.TryGetValue(unit.Value, out var cached))
            {
                return cached;
            }
            var levels = new List<ChainLevel>();
            for (NodeRef? node = unit; node is NodeRef n; node = index.ParentOf(n))
            {
                var u = n.AsUnit();
                var kind = index.KindOf(u);
                if (options.Answerers.ContainsKey(kind))
                {
                    levels.Add(best.TryGetValue(u.Value, out var a) ? new ChainLevel(u, kind, a.Role, new MemberId(a.Member)) : new ChainLevel(u, kind, null, null));
                }
            }
            int result = distinct.Count;
            distinct.Add([.. levels]);
            memo[unit.Value] = result;
            return result;
        }
        var rows = new List<(int Id, int Unit, int Contact, int Chain)>();
        foreach (var household in households)
        {
            if (household.UnitOn(date) is not OrgUnitId unit || !index.Contains(household.Id))
            {
                continue;
            }
            int contact = plan.MemberOf(household.Id)?.Value ?? 0;
            var chain = ChainOfUnit(unit);
            if (contact != 0 && branchOf.TryGetValue(contact, out var branch) && branch != unit.Value
                && index.Contains(new OrgUnitId(branch)) && index.ParentOf(new OrgUnitId(branch)) == (NodeRef)unit)
            {
                chain = ChainOfUnit(new OrgUnitId(branch));
            }
            rows.Add((household.Id.Value, unit.Value, contact, chain));
        }
        rows.Sort((a, b) => a.Id.CompareTo(b.Id));
        var broken = ImmutableArray.CreateBuilder<UnitWithoutAnswerer>();
        foreach (var (kind, roles) in options.Answerers.OrderBy(a => a.Key))
        {
            foreach (var unit in index.UnitsOfKind(kind).Order())
            {
                if (!best.ContainsKey(unit.Value))
                {
                    broken.Add(new UnitWithoutAnswerer(unit, kind, roles));
                }
            }
        }
        return new ResponsibilityChainIndex(
            date,
            [.. rows.Select(r => r.Id)],
            [.. rows.Select(r => r.Unit)],
            [.. rows.Select(r => Pack(r.Contact, r.Chain))],
            [.. distinct],
            plan,
            broken.ToImmutable());
    }

    /// <summary>The chain of a household.</summary>
    /// <param name="household">The household.</param>
    /// <exception cref="GridGovernanceException"><c>contacts.unknown-reference</c>: the household was not on the roster on <see cref="AsOf"/>.</exception>
    public HouseholdChain ChainOf(HouseholdId household)
    {
        long entry = Find(household.Value);
        if (entry == 0)
        {
            // Not Preconditions.CheckState: its message would be formatted on every lookup.
            throw new GridGovernanceException(ErrorCodes.ContactsUnknownReference, $"{household} has no chain as of {AsOf:yyyy-MM-dd}: it was not on the roster then.");
        }
        int contact = ContactOf(entry);
        return new HouseholdChain(household, contact == 0 ? null : new MemberId(contact), chains[(int)(entry >>> 32) - 1]);
    }

    /// <summary>Whether the household has a chain.</summary>
    /// <param name="household">The household.</param>
    public bool Contains(HouseholdId household) => Find(household.Value) != 0;

    /// <summary>A household's contact (member id, or 0) and chain (index into the distinct chains) in one value, never 0.</summary>
    private static long Pack(int contact, int chain) => ((long)(chain + 1) << 32) | (uint)contact;

    private static int ContactOf(long entry) => (int)(uint)entry;

    /// <summary>The entry of a household id, or 0 when it has no chain.</summary>
    private long Find(int id)
    {
        if (direct is not null)
        {
            long at = (long)id - firstId;
            return (ulong)at < (ulong)direct.Length ? direct[at] : 0;
        }
        int i = Array.BinarySearch(householdIds, id);
        return i < 0 ? 0 : entries[i];
    }

    /// <summary>Every broken link (链条体检): units of a configured kind without an answerer, households without a contact.</summary>
    public ChainHealthReport Health()
    {
        var households = ImmutableArray.CreateBuilder<HouseholdWithoutContact>();
        for (int i = 0; i < householdIds.Length; i++)
        {
            if (ContactOf(entries[i]) == 0)
            {
                var id = new HouseholdId(householdIds[i]);
                UncoveredReason? reason = null;
                if (plan.Contains(id))
                {
                    reason = plan.Uncovered[BinarySearchUncovered(id)].Reason;
                }
                households.Add(new HouseholdWithoutContact(id, new OrgUnitId(householdUnits[i]), reason));
            }
        }
        return new ChainHealthReport(AsOf, unitsWithoutAnswerer, households.ToImmutable());
    }

    private int BinarySearchUncovered(HouseholdId id)
    {
        var list = plan.Uncovered;
        int lo = 0, hi = list.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int v = list[mid].Household.Value;
            if (v == id.Value)
            {
                return mid;
            }
            if (v < id.Value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        throw new InvalidOperationException($"{id} is in the plan without a link but not among its uncovered households.");
    }
}
