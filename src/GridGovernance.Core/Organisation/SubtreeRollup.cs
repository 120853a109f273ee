namespace GridGovernance.Organisation;

/// <summary>The result of <see cref="HierarchyIndex.RollUp"/>: a value summed over every node's subtree.</summary>
[Immutable]
public sealed class SubtreeRollup
{
    private readonly HierarchyIndex index;
    private readonly long[] sums;

    internal SubtreeRollup(HierarchyIndex index, long[] sums)
    {
        this.index = index;
        this.sums = sums;
    }

    /// <summary>The sum of the values of <paramref name="node"/> and everything under it.</summary>
    /// <param name="node">A node of the index.</param>
    /// <exception cref="GridGovernanceValidationException">The node is not in the index.</exception>
    public long this[NodeRef node] => sums[index.HandleOrThrow(node)];

    /// <summary>The sum over the whole index.</summary>
    public long Total => index.Roots.Sum(r => this[r]);
}
