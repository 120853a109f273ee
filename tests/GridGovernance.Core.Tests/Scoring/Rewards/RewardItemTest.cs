using GridGovernance.Scoring.Rewards;

namespace GridGovernance.Tests.Scoring.Rewards;

public sealed class RewardItemTest
{
    private static readonly RewardItemId Id = new(3);

    [Fact]
    public void Construction_IsActiveAndRaisesAdded()
    {
        var item = new RewardItem(Id, " 粮油礼包 ", Points.From(20), 5);

        Assert.Equal("粮油礼包", item.Name);
        Assert.Equal(Points.From(20), item.Price);
        Assert.Equal(5, item.Stock);
        Assert.True(item.IsActive);
        Assert.Equal(new RewardItemAdded(Id, "粮油礼包", Points.From(20), 5), Assert.Single(item.DomainEvents));
    }

    [Fact]
    public void Construction_ZeroStock_Allowed() => Assert.Equal(0, new RewardItem(Id, "Tea", Points.From(1), 0).Stock);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Construction_PriceNotPositive_Throws(int price) =>
        Assert.Throws<GridGovernanceValidationException>(() => new RewardItem(Id, "Tea", Points.From(price), 1));

    [Fact]
    public void Construction_NegativeStock_Throws() =>
        Assert.Throws<GridGovernanceValidationException>(() => new RewardItem(Id, "Tea", Points.From(1), -1));

    [Fact]
    public void Construction_BlankName_Throws() =>
        Assert.Throws<GridGovernanceValidationException>(() => new RewardItem(Id, " ", Points.From(1), 1));

    [Fact]
    public void Construction_DefaultId_Throws() =>
        Assert.Throws<GridGovernanceValidationException>(() => new RewardItem(default, "Tea", Points.From(1), 1));

    [Fact]
    public void RewardItemId_NotPositive_Throws() => Assert.Throws<GridGovernanceValidationException>(() => new RewardItemId(0));

    [Fact]
    public void RewardItemId_ToStringAndOrder()
    {
        Assert.Equal("reward:3", Id.ToString());
        Assert.True(new RewardItemId(1) < new RewardItemId(2));
    }

    [Fact]
    public void AddStock_AddsAndRaisesStockChanged()
    {
        var item = new RewardItem(Id, "Tea", Points.From(1), 2);

        item.AddStock(3);

        Assert.Equal(5, item.Stock);
        Assert.Equal(new RewardItemStockChanged(Id, 3, 5, null), item.DomainEvents[^1]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void AddStock_NotPositive_Throws(int quantity)
    {
        var item = new RewardItem(Id, "Tea", Points.From(1), 2);

        Assert.Throws<GridGovernanceValidationException>(() => item.AddStock(quantity));
        Assert.Equal(2, item.Stock);
    }

    [Fact]
    public void AddStock_PastIntMax_Throws()
    {
        var item = new RewardItem(Id, "Tea", Points.From(1), int.MaxValue - 1);

        Assert.Throws<GridGovernanceValidationException>(() => item.AddStock(2));
    }

    [Fact]
    public void Deactivate_MakesInactiveAndRaisesEvent()
    {
        var item = new RewardItem(Id, "Tea", Points.From(1), 2);

        item.Deactivate();

        Assert.False(item.IsActive);
        Assert.Equal(new RewardItemDeactivated(Id), item.DomainEvents[^1]);
    }

    [Fact]
    public void Deactivate_Twice_Throws()
    {
        var item = new RewardItem(Id, "Tea", Points.From(1), 2);
        item.Deactivate();

        var ex = Assert.Throws<GridGovernanceException>(item.Deactivate);

        Assert.Equal(ErrorCodes.RewardItemInactive, ex.Code);
    }

    [Fact]
    public void Dispense_TakesStockAndRaisesStockChanged()
    {
        var item = new RewardItem(Id, "Tea", Points.From(1), 5);

        item.Dispense(2, "order-1");

        Assert.Equal(3, item.Stock);
        Assert.Equal(new RewardItemStockChanged(Id, -2, 3, "order-1"), item.DomainEvents[^1]);
    }

    [Fact]
    public void Dispense_MoreThanStock_ThrowsOutOfStock()
    {
        var item = new RewardItem(Id, "Tea", Points.From(1), 1);

        var ex = Assert.Throws<GridGovernanceException>(() => item.Dispense(2, "order-1"));

        Assert.Equal(ErrorCodes.OutOfStock, ex.Code);
        Assert.Equal(1, item.Stock);
    }

    [Fact]
    public void Dispense_Inactive_ThrowsInactive()
    {
        var item = new RewardItem(Id, "Tea", Points.From(1), 5);
        item.Deactivate();

        var ex = Assert.Throws<GridGovernanceException>(() => item.Dispense(1, "order-1"));

        Assert.Equal(ErrorCodes.RewardItemInactive, ex.Code);
    }
}
