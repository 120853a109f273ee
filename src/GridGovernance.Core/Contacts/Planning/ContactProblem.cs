using System.Runtime.InteropServices;

namespace GridGovernance.Contacts.Planning;

/// <summary>A contact-plan problem: the households and members sorted by id and validated, the options, and its pools.</summary>
internal sealed class ContactProblem
{
    private ContactProblem(ContactHousehold[] households, ContactMember[] members, ContactPlanOptions options)
    {
        Households = households;
        Members = members;
        Options = options;
    }

    internal ContactHousehold[] Households { get; }

    internal ContactMember[] Members { get; }

    internal ContactPlanOptions Options { get; }

    internal static ContactProblem Create(IEnumerable<ContactHousehold> households, IEnumerable<ContactMember> members, ContactPlanOptions options)
    {
        Preconditions.CheckNotNull(households);
        Preconditions.CheckNotNull(members);
        Preconditions.CheckNotNull(options);
        options.Validate();
        var hs = households.ToArray();
        var ms = members.ToArray();
        SortById(hs, h => h.Id.Value);
        SortById(ms, m => m.Id.Value);
        var problems = new List<ValidationProblem>();
        for (int i = 0; i < hs.Length && problems.Count < 100; i++)
        {
            if (!hs[i].Id.IsSpecified || !hs[i].Community.IsSpecified || !hs[i].Grid.IsSpecified)
            {
                problems.Add(new("households", hs[i].Id.ToString(), ErrorCodes.ContactsMissingReference, $"Household {hs[i].Id} has an unset id, community or grid."));
            }
            else if (i > 0 && hs[i].Id == hs[i - 1].Id)
            {
                problems.Add(new("households", hs[i].Id.ToString(), ErrorCodes.ContactsDuplicateId, $"{hs[i].Id} appears more than once."));
            }
            if (!hs[i].Location.IsKnown)
            {
                problems.Add(new("households", hs[i].Id.ToString(), ErrorCodes.LocationRequired, $"Household {hs[i].Id} has no location (GeoPoint.Unknown); a plan needs every location."));
            }
        }
        for (int j = 0; j < ms.Length && problems.Count < 100; j++)
        {
            if (!ms[j].Id.IsSpecified || !ms[j].Community.IsSpecified || !ms[j].Grid.IsSpecified)
            {
                problems.Add(new("members", ms[j].Id.ToString(), ErrorCodes.ContactsMissingReference, $"Member {ms[j].Id} has an unset id, community or grid."));
            }
            else if (j > 0 && ms[j].Id == ms[j - 1].Id)
            {
                problems.Add(new("members", ms[j].Id.ToString(), ErrorCodes.ContactsDuplicateId, $"{ms[j].Id} appears more than once."));
            }
            if (!ms[j].Location.IsKnown)
            {
                problems.Add(new("members", ms[j].Id.ToString(), ErrorCodes.LocationRequired, $"Member {ms[j].Id} has no location (GeoPoint.Unknown); a plan needs every location."));
            }
            if (InputPolicy.CheckDefined(ms[j].Kind, "members", ms[j].Id.ToString()) is { } undefined)
            {
                problems.Add(undefined);
            }
        }
        if (problems.Count > 0)
        {
            throw new GridGovernanceValidationException("The contact plan input", problems);
        }
        return new ContactProblem(hs, ms, options);
    }

    /// <summary>Sorts by id with an int key array (much faster than a comparison delegate); input already in order is left as is.</summary>
    private static void SortById<T>(T[] rows, Func<T, int> id)
    {
        var keys = new int[rows.Length];
        bool sorted = true;
        for (int i = 0; i < rows.Length; i++)
        {
            keys[i] = id(rows[i]);
            sorted &= i == 0 || keys[i - 1] <= keys[i];
        }
        if (!sorted)
        {
            Array.Sort(keys, rows);
        }
    }

    internal static ContactProblem FromPlan(ContactPlan plan) => new(plan.HouseholdArray, plan.MemberArray, plan.Options);

    internal long KeyOf(OrgUnitId community, OrgUnitId grid) => ((long)community.Value << 32) | (uint)(Options.AllowCrossGrid ? 0 : grid.Value);

    /// <summary>The pools, by key.</summary>
    internal List<Pool> Pools()
    {
        var index = new Dictionary<long, int>();
        var keys = new List<long>();
        var hPool = new int[Households.Length];
        for (int i = 0; i < Households.Length; i++)
        {
            long key = KeyOf(Households[i].Community, Households[i].Grid);
            ref int slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out bool exists);
            if (!exists)
            {
                slot = keys.Count;
                keys.Add(key);
            }
            hPool[i] = slot;
        }
        var mPool = new int[Members.Length];
        for (int j = 0; j < Members.Length; j++)
        {
            // Members of a pool with no household are not needed.
            mPool[j] = index.TryGetValue(KeyOf(Members[j].Community, Members[j].Grid), out var p) ? p : -1;
        }
        var hCount = new int[keys.Count];
        var mCount = new int[keys.Count];
        foreach (int p in hPool)
        {
            if (p >= 0)
            {
                hCount[p]++;
            }
        }
        foreach (int p in mPool)
        {
            if (p >= 0)
            {
                mCount[p]++;
            }
        }
        var pools = new List<Pool>(keys.Count);
        for (int p = 0; p < keys.Count; p++)
        {
            pools.Add(new Pool(keys[p], new int[hCount[p]], new int[mCount[p]]));
        }
        Array.Clear(hCount);
        Array.Clear(mCount);
        for (int i = 0; i < hPool.Length; i++)
        {
            if (hPool[i] >= 0)
            {
                pools[hPool[i]].Households[hCount[hPool[i]]++] = i;
            }
        }
        for (int j = 0; j < mPool.Length; j++)
        {
            if (mPool[j] >= 0)
            {
                pools[mPool[j]].Members[mCount[mPool[j]]++] = j;
            }
        }
        pools.Sort((a, b) => a.Key.CompareTo(b.Key));
        return pools;
    }
}
