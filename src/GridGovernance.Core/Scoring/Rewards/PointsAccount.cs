using System.Globalization;
using NodaTime;

namespace GridGovernance.Scoring.Rewards;

/// <summary>
/// A member's spendable points account (积分账户) for redemption (积分兑换物资或服务): the balance and what came in and
/// went out in total, one account per member, keyed by the member's id. Each year's credits and redemptions are a
/// <see cref="PointsAccountYear"/> of their own, so that this aggregate, which every credit and redemption saves, stays
/// small.
/// </summary>
/// <remarks>
/// The balance is separate from the assessment score: assessment and rankings (排名晾晒) are computed from the
/// ledger, never from this account, so redeeming points never lowers a member's ranking. The balance never goes
/// negative, and it always equals <see cref="TotalCredited"/> − <see cref="TotalDebited"/>. Credits and redemptions
/// change this account and one of its years together (only <see cref="RedemptionService"/> does it), so two writers
/// of one member always meet on this account's version, whichever years they write.
/// </remarks>
[Mutable]
public sealed class PointsAccount : AggregateRoot<MemberId>
{
    /// <summary>Opens an empty account (the service opens one on a member's first credit).</summary>
    /// <param name="member">The member who owns it.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="member"/> is <c>default</c> (code <c>value.invalid</c>).</exception>
    public PointsAccount(MemberId member)
        : base(member)
    {
        Preconditions.CheckSpecified(member.IsSpecified, nameof(member), "member must be a real member id, not default.");
    }

    /// <summary>The member who owns the account (the same as <see cref="AggregateRoot{TId}.Id"/>).</summary>
    public MemberId Member => Id;

    /// <summary>The spendable balance; never negative.</summary>
    public Points Balance { get; private set; }

    /// <summary>Everything ever credited.</summary>
    public Points TotalCredited { get; private set; }

    /// <summary>Everything ever debited by redemptions.</summary>
    public Points TotalDebited { get; private set; }

    /// <summary>
    /// Credits points into <paramref name="year"/> of this account. The service has checked that the key is new in
    /// every year of the account.
    /// </summary>
    internal PointsCredit Credit(PointsAccountYear year, Points points, string idempotencyKey, string? note, Instant creditedAt)
    {
        CheckYear(year);
        Preconditions.CheckArgument(points.IsPositive, nameof(points), $"points must be positive; it was {points}.");
        Preconditions.CheckNotBlank(idempotencyKey);
        // Both sums first: an overflow (value.overflow) must leave the account and the year as they were.
        var total = TotalCredited + points;
        var credit = new PointsCredit(Id, idempotencyKey, points, note, Balance + points, creditedAt);
        year.Add(credit);
        TotalCredited = total;
        Balance = credit.BalanceAfter;
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
    /// Debits a redemption of <paramref name="quantity"/> units of <paramref name="item"/> into <paramref name="year"/>.
    /// Only <see cref="RedemptionService"/> calls it, together with <see cref="RewardItem.Dispense"/> in one unit of work.
    /// </summary>
    internal Redemption Debit(PointsAccountYear year, RewardItem item, int quantity, string idempotencyKey, Instant redeemedAt)
    {
        CheckYear(year);
        Preconditions.CheckNotNull(item);
        Preconditions.CheckArgumentRange(nameof(quantity), quantity, 1, int.MaxValue);
        Preconditions.CheckNotBlank(idempotencyKey);
        Preconditions.CheckArgument(year.FindRedemption(idempotencyKey) is null, nameof(idempotencyKey),
            $"Redemption key '{idempotencyKey}' of {Id} is already used.");
        CheckCanAfford(item.Price, quantity, item.Name);
        var cost = Points.FromUnits(item.Price.Units * quantity);
        var redemption = new Redemption(Id, idempotencyKey, item.Id, item.Name, quantity, item.Price, cost, Balance - cost, redeemedAt);
        year.Add(redemption);
        TotalDebited += cost;
        Balance = redemption.BalanceAfter;
        Raise(new PointsAccountDebited(Id, redemption));
        return redemption;
    }

    private void CheckYear(PointsAccountYear year) =>
        Preconditions.CheckArgument(Preconditions.CheckNotNull(year).Member == Id, nameof(year), $"{year.Id} is not a year of {Id}.");

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private PointsAccount(Persistence.PointsAccountStoredForm form)
        : base(form.Id)
    {
        Balance = form.Balance;
        TotalCredited = form.TotalCredited;
        TotalDebited = form.TotalDebited;
    }

    /// <summary>This PointsAccount's stored form.</summary>
    internal Persistence.PointsAccountStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Balance = Balance,
        TotalCredited = TotalCredited,
        TotalDebited = TotalDebited,
    };

    /// <summary>Rebuilds a PointsAccount from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static PointsAccount FromStoredForm(Persistence.PointsAccountStoredForm form) => new(form);
}
