namespace GridGovernance.Scoring.Stars;

/// <summary>
/// How many 优秀党员 a branch may put forward: a fixed number, or a share of the branch's members rounded down.
/// </summary>
[Immutable]
public sealed class ExcellentQuota
{
    private ExcellentQuota(int? count, decimal? share)
    {
        Count = count;
        Share = share;
    }

    /// <summary>The fixed number per branch, or <c>null</c> for a share.</summary>
    public int? Count { get; }

    /// <summary>The share of the branch's members, in [0, 1], or <c>null</c> for a fixed number.</summary>
    public decimal? Share { get; }

    /// <summary>A fixed number per branch (a branch never gets more than it has eligible members).</summary>
    /// <param name="count">Zero or more.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="count"/> is negative.</exception>
    public static ExcellentQuota PerBranch(int count)
    {
        Preconditions.CheckArgumentRange(nameof(count), count, 0, int.MaxValue);
        return new ExcellentQuota(count, null);
    }

    /// <summary>A share of each branch's members (vetoed members included in the count), rounded down.</summary>
    /// <param name="share">From 0 to 1, e.g. <c>0.15m</c> for 15 %.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="share"/> is outside [0, 1].</exception>
    public static ExcellentQuota ShareOfBranch(decimal share)
    {
        if (share < 0m || share > 1m)
        {
            throw Preconditions.InvalidInput(nameof(share), ErrorCodes.OutOfRange,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"share must be between 0 and 1 inclusive; it was {share}."));
        }
        return new ExcellentQuota(null, share);
    }

    /// <summary>The quota of a branch of a given size.</summary>
    /// <param name="branchMembers">How many members the branch has on the roster; zero or more.</param>
    /// <returns>The fixed number, or the share times the size rounded down; never negative.</returns>
    /// <exception cref="GridGovernanceValidationException"><paramref name="branchMembers"/> is negative.</exception>
    public int For(int branchMembers)
    {
        Preconditions.CheckArgumentRange(nameof(branchMembers), branchMembers, 0, int.MaxValue);
        return Count ?? (int)decimal.Floor(Share!.Value * branchMembers);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Count is int count ? FormattableString.Invariant($"{count} per branch") : FormattableString.Invariant($"{Share} of each branch");
}
