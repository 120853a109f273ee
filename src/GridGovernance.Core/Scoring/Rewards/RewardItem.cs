namespace GridGovernance.Scoring.Rewards;

/// <summary>
/// An entry of the redemption catalogue (积分兑换目录): goods or a service members can exchange spendable points
/// for, with a price per unit, a stock and an active flag.
/// </summary>
/// <remarks>
/// Stock is taken only by a redemption (<see cref="RedemptionService.RedeemAsync"/>), which debits the member's
/// <see cref="PointsAccount"/> in the same unit of work, so the stock taken always matches the points spent.
/// </remarks>
[Mutable]
public sealed class RewardItem : AggregateRoot<RewardItemId>
{
    /// <summary>Creates an active catalogue entry.</summary>
    /// <param name="id">The item's id.</param>
    /// <param name="name">Its name, e.g. "粮油礼包" or "免费理发一次".</param>
    /// <param name="price">The points one unit costs; positive.</param>
    /// <param name="stock">Units available; zero or more.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="id"/> is <c>default</c> (code <c>value.invalid</c>). <paramref name="name"/> is blank or <paramref name="price"/> is not positive.</exception>
    /// <exception cref="GridGovernanceValidationException"><paramref name="stock"/> is negative.</exception>
    public RewardItem(RewardItemId id, string name, Points price, int stock)
        : base(id)
    {
        Preconditions.CheckSpecified(id.IsSpecified, nameof(id), "id must be a real reward item id, not default.");
        Preconditions.CheckNotBlank(name);
        Preconditions.CheckArgument(price.IsPositive, nameof(price), $"price must be positive; it was {price}.");
        Preconditions.CheckArgumentRange(nameof(stock), stock, 0, int.MaxValue);
        Name = name.Trim();
        Price = price;
        Stock = stock;
        IsActive = true;
        Raise(new RewardItemAdded(id, Name, price, stock));
    }

    /// <summary>The item's name.</summary>
    public string Name { get; }

    /// <summary>The points one unit costs; always positive.</summary>
    public Points Price { get; }

    /// <summary>Units available; never negative.</summary>
    public int Stock { get; private set; }

    /// <summary>Whether the item can be redeemed; a deactivated item stays in the catalogue for history.</summary>
    public bool IsActive { get; private set; }

    /// <summary>Adds units to the stock (restocking is allowed while inactive, to prepare a return).</summary>
    /// <param name="quantity">Units to add; at least one.</param>
    /// <exception cref="GridGovernanceValidationException"><paramref name="quantity"/> is below one, or the stock would exceed <see cref="int.MaxValue"/>.</exception>
    public void AddStock(int quantity)
    {
        Preconditions.CheckArgumentRange(nameof(quantity), quantity, 1, int.MaxValue - Stock);
        Stock += quantity;
        Raise(new RewardItemStockChanged(Id, quantity, Stock, null));
    }

    /// <summary>Withdraws the item from the catalogue: it can no longer be redeemed.</summary>
    /// <exception cref="GridGovernanceException">The item is already inactive (code <c>points.reward-item-inactive</c>).</exception>
    public void Deactivate()
    {
        Preconditions.CheckState(IsActive, ErrorCodes.RewardItemInactive, $"Reward item {Id} ({Name}) is already inactive.");
        IsActive = false;
        Raise(new RewardItemDeactivated(Id));
    }

    /// <summary>Checks that <paramref name="quantity"/> units can be redeemed now.</summary>
    /// <exception cref="GridGovernanceException">The item is inactive, or the stock is short (code <c>points.out-of-stock</c>).</exception>
    internal void CheckCanDispense(int quantity)
    {
        Preconditions.CheckArgumentRange(nameof(quantity), quantity, 1, int.MaxValue);
        Preconditions.CheckState(IsActive, ErrorCodes.RewardItemInactive,
            $"Reward item {Id} ({Name}) is no longer offered; nothing was redeemed.");
        Preconditions.CheckState(Stock >= quantity, ErrorCodes.OutOfStock,
            $"Reward item {Id} ({Name}) has {Stock} in stock but {quantity} were asked for; nothing was redeemed.");
    }

    /// <summary>Takes units from the stock for a redemption; only <see cref="RedemptionService"/> calls it.</summary>
    internal void Dispense(int quantity, string redemptionKey)
    {
        CheckCanDispense(quantity);
        Stock -= quantity;
        Raise(new RewardItemStockChanged(Id, -quantity, Stock, redemptionKey));
    }

    // The stored form (GridGovernance.Persistence.StoredForms): every value by its contract name, and back.
    private RewardItem(Persistence.RewardItemStoredForm form)
        : base(form.Id)
    {
        Name = form.Name;
        Price = form.Price;
        Stock = form.Stock;
        IsActive = form.IsActive;
    }

    /// <summary>This RewardItem's stored form.</summary>
    internal Persistence.RewardItemStoredForm ToStoredForm() => new()
    {
        Id = Id,
        Name = Name,
        Price = Price,
        Stock = Stock,
        IsActive = IsActive,
    };

    /// <summary>Rebuilds a RewardItem from its stored form (checked by <see cref="Persistence.StoredForms"/>).</summary>
    internal static RewardItem FromStoredForm(Persistence.RewardItemStoredForm form) => new(form);
}
