using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace GridGovernance.Scoring.Rewards;

/// <summary>
/// A member's spendable points account (积分账户) for redemption (积分兑换物资或服务): credits in, redemptions out,
/// one account per member, keyed by the member's id.
/// </summary>
/// <remarks>
/// The balance is separate from the assessment score: assessment and rankings (排名晾晒) are computed from the
/// ledger, never from this account, so redeeming points never lowers a member's ranking. The balance never goes
/// negative, and it always equals <see cref="TotalCredited"/> − <see cref="TotalDebited"/>. Credits and
/// redemptions carry idempotency keys (two separate key spaces): the same key twice is applied once.
/// </remarks>
[Mutable]
public sealed class PointsAccount : AggregateRoot<MemberId>
{
    private ImmutableHashSet<string> creditKeys = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);
    private ImmutableHashSet<string> redemptionKeys = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>Opens an empty account (the service opens one on a member's first credit).</summary>
    /// <param name="member">The member who owns it.</param>
    /// <exception cref="ArgumentException"><paramref name="member"/> is <c>default</c>.</exception>
    public PointsAccount(MemberId member)
        : base(member)
    {
        Preconditions.CheckArgument(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
    }

    /// <summary>The member who owns the account (the same as <see cref="AggregateRoot{TId}.Id"/>).</summary>
    public MemberId Member => Id;

    /// <summary>The spendable balance; never negative.</summary>
    public Points Balance { get; private set; }

    /// <summary>Everything ever credited.</summary>
    public Points TotalCredited { get; private set; }

    /// <summary>Everything ever debited by redemptions.</summary>
    public Points TotalDebited { get; private set; }

    /// <summary>The credits, oldest first (the itemised ledger, 明细账, of what came in).</summary>
    public ImmutableArray<PointsCredit> Credits { get; private set; } = [];

    /// <summary>The redemptions, oldest first (what went out).</summary>
    public ImmutableArray<Redemption> Redemptions { get; private set; } = [];

    /// <summary>The credit recorded under <paramref name="idempotencyKey"/>, or <c>null</c>.</summary>
    /// <param name="idempotencyKey">A credit's idempotency key.</param>
    public PointsCredit? FindCredit(string idempotencyKey) =>
        creditKeys.Contains(Preconditions.CheckNotNull(idempotencyKey))
            ? Credits.First(c => string.Equals(c.IdempotencyKey, idempotencyKey, StringComparison.Ordinal))
            : null;

    /// <summary>The redemption recorded under <paramref name="idempotencyKey"/>, or <c>null</c>.</summary>
    /// <param name="idempotencyKey">A redemption's idempotency key.</param>
    public Redemption? FindRedemption(string idempotencyKey) =>
        redemptionKeys.Contains(Preconditions.CheckNotNull(idempotencyKey))
            ? Redemptions.First(r => string.Equals(r.IdempotencyKey, idempotencyKey, StringComparison.Ordinal))
            : null;

    /// <summary>
    /// Credits points. A key already applied is not applied again: the earlier credit is returned and nothing
    /// changes.
    /// </summary>
    /// <param name="points">The amount; positive.</param>
    /// <param name="idempotencyKey">The caller's key for this credit, e.g. <c>"2024-Q1:member:17"</c>.</param>
    /// <param name="note">Where the points came from, or <c>null</c>.</param>
    /// <param name="creditedAt">When it is credited.</param>
    /// <returns>The credit, or the earlier credit with the same key.</returns>
    /// <exception cref="ArgumentException"><paramref name="points"/> is not positive or <paramref name="idempotencyKey"/> is blank.</exception>
    /// <exception cref="GridGovernanceException">The key was used for a different amount (code <c>points.idempotency-key-conflict</c>).</exception>
    public PointsCredit Credit(Points points, string idempotencyKey, string? note, Instant creditedAt)
    {
        Preconditions.CheckArgument(points.IsPositive, nameof(points), $"points must be positive; it was {points}.");
        Preconditions.CheckNotBlank(idempotencyKey);
        if (FindCredit(idempotencyKey) is { } earlier)
        {
            Preconditions.CheckState(earlier.Points == points, ErrorCodes.IdempotencyKeyConflict,
                $"Credit key '{idempotencyKey}' of {Id} was used for {earlier.Points} points, not {points}; nothing was credited.");
            return earlier;
        }
        var credit = new PointsCredit(Id, idempotencyKey, points, note, Balance + points, creditedAt);
        TotalCredited += points;
        Balance = credit.BalanceAfter;
        Credits = Credits.Add(credit);
        creditKeys = creditKeys.Add(idempotencyKey);
        Raise(new PointsAccountCredited(Id, credit));
        return credit;
    }

    /// <summary>Checks that a redemption costing <paramref name="unitPrice"/> × <paramref name="quantity"/> is covered by the balance.</summary>
    /// <exception cref="GridGovernanceException">It is not (code <c>points.insufficient-balance</c>).</exception>
    internal void CheckCanAfford(Points unitPrice, int quantity, string itemName)
    {
        // Decimal holds any price × any int quantity exactly, so a huge order is refused, never overflowed.
        decimal costUnits = (decimal)unitPrice.Units * quantity;
        if (costUnits > Balance.Units)
        {
            var cost = (costUnits / Points.UnitsPerPoint).ToString("0.####", CultureInfo.InvariantCulture);
            throw new GridGovernanceException(ErrorCodes.InsufficientBalance,
                $"{Id} has a balance of {Balance} points but {quantity} × {itemName} costs {cost} points; nothing was redeemed.");
        }
    }

    /// <summary>
    /// Debits a redemption of <paramref name="quantity"/> units of <paramref name="item"/>. Only
    /// <see cref="RedemptionService"/> calls it, together with <see cref="RewardItem.Dispense"/> in one unit of work.
    /// </summary>
    internal Redemption Debit(RewardItem item, int quantity, string idempotencyKey, Instant redeemedAt)
    {
        Preconditions.CheckNotNull(item);
        Preconditions.CheckArgumentRange(nameof(quantity), quantity, 1, int.MaxValue);
        Preconditions.CheckNotBlank(idempotencyKey);
        Preconditions.CheckArgument(!redemptionKeys.Contains(idempotencyKey), nameof(idempotencyKey),
            $"Redemption key '{idempotencyKey}' of {Id} is already used.");
        CheckCanAfford(item.Price, quantity, item.Name);
        var cost = Points.FromUnits(item.Price.Units * quantity);
        var redemption = new Redemption(Id, idempotencyKey, item.Id, item.Name, quantity, item.Price, cost, Balance - cost, redeemedAt);
        TotalDebited += cost;
        Balance = redemption.BalanceAfter;
        Redemptions = Redemptions.Add(redemption);
        redemptionKeys = redemptionKeys.Add(idempotencyKey);
        Raise(new PointsAccountDebited(Id, redemption));
        return redemption;
    }
}
