using System.Collections.Immutable;

namespace GridGovernance.Contacts;

/// <summary>What a rebalancing changed (调整清单): links to add and links to end.</summary>
[Immutable]
public sealed class ContactPlanDiff
{
    private ContactPlanDiff(ImmutableArray<ContactLink> added, ImmutableArray<ContactLink> removed)
    {
        Added = added;
        Removed = removed;
    }

    /// <summary>New links, in household id order (from the new plan).</summary>
    public ImmutableArray<ContactLink> Added { get; }

    /// <summary>Links that end, in household id order (from the old plan).</summary>
    public ImmutableArray<ContactLink> Removed { get; }

    /// <summary>Whether nothing changed.</summary>
    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty;

    /// <summary>The links of <paramref name="after"/> that <paramref name="before"/> does not have (same household and member), and the other way round.</summary>
    /// <param name="before">The old plan.</param>
    /// <param name="after">The new plan.</param>
    public static ContactPlanDiff Between(ContactPlan before, ContactPlan after)
    {
        Preconditions.CheckNotNull(before);
        Preconditions.CheckNotNull(after);
        return Between(before, null, after);
    }

    /// <summary>
    /// The diff between the households of <paramref name="before"/> at <paramref name="beforeRows"/> (ascending
    /// indexes; all when <c>null</c>) and every household of <paramref name="after"/>: for a one-community change,
    /// the community's rows before and the community's plan after.
    /// </summary>
    internal static ContactPlanDiff Between(ContactPlan before, int[]? beforeRows, ContactPlan after)
    {
        var added = ImmutableArray.CreateBuilder<ContactLink>();
        var removed = ImmutableArray.CreateBuilder<ContactLink>();
        // Both plans hold their households in id order: one merge, no lookups.
        int i = 0, r = 0;
        int n = after.HouseholdArray.Length, m = beforeRows?.Length ?? before.HouseholdArray.Length;
        while (i < n || r < m)
        {
            int o = r < m ? (beforeRows is null ? r : beforeRows[r]) : -1;
            int newId = i < n ? after.HouseholdArray[i].Id.Value : int.MaxValue;
            int oldId = r < m ? before.HouseholdArray[o].Id.Value : int.MaxValue;
            var now = newId <= oldId ? after.MemberIdAt(i) : 0;
            var was = oldId <= newId ? before.MemberIdAt(o) : 0;
            if (now != was)
            {
                if (now != 0)
                {
                    added.Add(after.LinkAt(i));
                }
                if (was != 0)
                {
                    removed.Add(before.LinkAt(o));
                }
            }
            if (newId <= oldId)
            {
                i++;
            }
            if (oldId <= newId)
            {
                r++;
            }
        }
        return new ContactPlanDiff(added.ToImmutable(), removed.ToImmutable());
    }
}
