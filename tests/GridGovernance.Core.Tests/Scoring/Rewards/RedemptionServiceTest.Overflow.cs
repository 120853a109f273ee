using static GridGovernance.Tests.Scoring.Rewards.RedemptionFixture;

namespace GridGovernance.Tests.Scoring.Rewards;

/// <summary>Credits at the edge of <see cref="Points"/> and hostile keys (issue 14): library exceptions, nothing changed.</summary>
public sealed partial class RedemptionServiceTest
{
    [Fact]
    public async Task Credit_AThirdMaximumSizeCredit_IsAnOverflowWithACode_AndChangesNothing()
    {
        var largest = Points.FromUnits(long.MaxValue / 2);
        await fixture.RunAsync(s => s.CreditAsync(Grant, Alice, largest, "max-1"));
        var second = await fixture.RunAsync(s => s.CreditAsync(Grant, Alice, largest, "max-2"));
        Assert.Equal(Points.FromUnits(long.MaxValue - 1), second.BalanceAfter); // the second still fits

        var ex = await fixture.RefusedAsync(s => s.CreditAsync(Grant, Alice, largest, "max-3"));

        Assert.Equal(ErrorCodes.ArithmeticOverflow, ex.Code);
        Assert.IsType<OverflowException>(ex.InnerException);
        var account = await fixture.AccountAsync(Alice);
        Assert.Equal((Points.FromUnits(long.MaxValue - 1), 2, 2), (account!.Balance, account.Credits.Length, account.Version));
    }

    [Fact]
    public async Task Credit_HostileKeyOrNote_IsAValidationError_AndOpensNoAccount()
    {
        var key = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.CreditAsync(Grant, Alice, P(1), "q1\u202E")));
        var note = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.CreditAsync(Grant, Alice, P(1), "q1", "note\0")));
        var longKey = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.CreditAsync(Grant, Alice, P(1), new string('k', InputPolicy.MaxNameLength + 1))));

        Assert.Equal(("idempotencyKey", ErrorCodes.ForbiddenCharacter), (Assert.Single(key.Problems).Field, key.Code));
        Assert.Equal(("note", ErrorCodes.ForbiddenCharacter), (Assert.Single(note.Problems).Field, note.Code));
        Assert.Equal(ErrorCodes.TextTooLong, longKey.Code);
        Assert.Null(await fixture.AccountAsync(Alice));
        await fixture.RunAsync(s => s.CreditAsync(Grant, Alice, P(1), new string('k', InputPolicy.MaxNameLength))); // at the limit
    }
}
