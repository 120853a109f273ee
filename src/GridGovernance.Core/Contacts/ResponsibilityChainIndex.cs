using System.Collections.Immutable;
using System.Runtime.InteropServices;
using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Contacts;

/// <summary>
/// Every household's chain (六级联动: 区—街道—社区—党小组—党员—群众) as of the hierarchy index's date,
/// precomputed per unit so <see cref="ChainOf"/> reads one packed entry (the contact and which chain), straight by id when
/// the household ids are dense (as a roster's are) and by binary search otherwise, and allocates nothing.
/// </summary>
/// <remarks>
/// A household's levels are its unit's ancestors (as of the date) whose kind has answerers configured. When its
/// contact member's primary branch is a party group directly under the household's unit (a grid), that group is
/// the lowest level, so the group leader (党小组长) answers between the member and the grid.
/// <para>
/// Leavers are followed the same day: a plan's link to a member who is not on the roster on the date, or who no longer
/// serves the community the household lies in that day (moved to a branch outside it, a 双报到 registration ended, or a
/// split put them in another part), names no contact, and
/// <see cref="Health"/> reports the household with <see cref="UncoveredReason.ContactLeft"/> and the
/// <see cref="HouseholdWithoutContact.FormerContact"/> until the plan is rebalanced. Roles of members off the roster
/// answer nowhere.
/// </para>
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
    private readonly Dictionary<int, int> formerContacts; // household id → the member the plan links it to who is no longer there

    private ResponsibilityChainIndex(LocalDate asOf, int[] householdIds, int[] householdUnits, long[] entries, ImmutableArray<ChainLevel>[] chains, ContactPlan plan,
        ImmutableArray<UnitWithoutAnswerer> unitsWithoutAnswerer, Dictionary<int, int> formerContacts)
    {
        this.formerContacts = formerContacts;
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
        var byId = new Dictionary<int, Member>();
        foreach (var member in members)
        {
            if (member.BranchOn(date) is not OrgUnitId branch)
            {
                continue; // off the roster on the date: no branch, and no role answers
            }
            branchOf[member.Id.Value] = branch.Value;
            byId[member.Id.Value] = member;
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
        // The communities units lie in on the date (0: none), so that a restructure that moved a household and its
        // contact together (a merge of communities) is not a leaver, and one that parted them (a split) is.
        var communityOfUnit = new Dictionary<int, int>();
        int CommunityOf(OrgUnitId unit)
        {
            if (communityOfUnit.TryGetValue(unit.Value, out int found))
            {
                return found;
            }
            found = 0;
            for (NodeRef? node = unit; node is NodeRef n; node = index.ParentOf(n))
            {
                if (index.KindOf(n.AsUnit()) == UnitKind.Community)
                {
                    found = n.Value;
                    break;
                }
            }
            communityOfUnit[unit.Value] = found;
            return found;
        }
        // The planned members still on the roster: the community of their branch, and those they are registered with (双报到).
        var serving = new Dictionary<int, (int Community, int[] Registered)>();
        foreach (var planned in plan.Members)
        {
            if (byId.TryGetValue(planned.Id.Value, out var member) && member.BranchOn(date) is OrgUnitId branch)
            {
                int community = index.Contains(branch) ? CommunityOf(branch) : 0;
                serving[planned.Id.Value] = (community, [.. member.RegistrationsOn(date).Select(r => r.Unit.Value)]);
            }
        }
        bool StillServes(int member, int community) =>
            community != 0 && serving.TryGetValue(member, out var s) && (s.Community == community || Array.IndexOf(s.Registered, community) >= 0);
        var former = new Dictionary<int, int>();
        var rows = new List<(int Id, int Unit, int Contact, int Chain)>();
        foreach (var household in households)
        {
            if (household.UnitOn(date) is not OrgUnitId unit || !index.Contains(household.Id))
            {
                continue;
            }
            int contact = plan.MemberOf(household.Id)?.Value ?? 0;
            if (contact != 0 && !StillServes(contact, CommunityOf(unit)))
            {
                former[household.Id.Value] = contact;
                contact = 0;
            }
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
            broken.ToImmutable(),
            former);
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
                if (formerContacts.TryGetValue(id.Value, out int gone))
                {
                    households.Add(new HouseholdWithoutContact(id, new OrgUnitId(householdUnits[i]), UncoveredReason.ContactLeft) { FormerContact = new MemberId(gone) });
                    continue;
                }
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
