using GridGovernance.Authority;
using GridGovernance.Organisation;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Tests.Scoring.Ledger;
using GridGovernance.Tests.WorkOrders;
using GridGovernance.WorkOrders;
using NodaTime;

namespace GridGovernance.Tests;

/// <summary>
/// Bad arguments of public calls that threw raw .NET exceptions before issue 14 and are now the library's refusals:
/// a <see cref="GridGovernanceValidationException"/> naming the parameter, with a stable code.
/// </summary>
public sealed class InputRefusalsTest
{
    private static void AssertRefused(GridGovernanceValidationException e, string field, string code)
    {
        var problem = Assert.Single(e.Problems);
        Assert.Equal((field, code, code), (problem.Field, problem.Rule, e.Code));
    }

    [Fact]
    public async Task Board_FromAfterTo_IsAReversedRange_NamingTo()
    {
        using var f = new WorkOrderServiceFixture();
        var day = new LocalDate(2024, 6, 3);

        var e = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.BoardAsync(day, day.PlusDays(-1))));
        var board = Assert.Throws<GridGovernanceValidationException>(() => PublicBoard.Entries([], day, day.PlusDays(-1), DateTimeZone.Utc));

        AssertRefused(e, "to", ErrorCodes.ReversedRange);
        AssertRefused(board, "to", ErrorCodes.ReversedRange);
        Assert.Empty(await f.RunAsync(s => s.BoardAsync(day, day)));
    }

    [Fact]
    public void DefaultIds_InActors_AreRefusedNamingTheParameter()
    {
        AssertRefused(Assert.Throws<GridGovernanceValidationException>(() => Actor.Member(default)), "member", ErrorCodes.InvalidValue);
        AssertRefused(Assert.Throws<GridGovernanceValidationException>(() => Actor.Post(default, RoleKind.Secretary, new OrgUnitId(1))), "member", ErrorCodes.InvalidValue);
        AssertRefused(Assert.Throws<GridGovernanceValidationException>(() => Actor.Post(new MemberId(1), RoleKind.Secretary, default)), "unit", ErrorCodes.InvalidValue);
    }

    [Fact]
    public async Task DefaultIds_InLedgerCommands_AreRefusedNamingTheParameter_AndWriteNothing()
    {
        using var fixture = new LedgerFixture();

        var reverse = await fixture.FailsAsync(ErrorCodes.InvalidValue, s => s.ReverseAsync(LedgerFixture.Admin, default, "recorded twice"));
        var get = await fixture.FailsAsync(ErrorCodes.InvalidValue, s => s.GetAsync(default));
        var approve = await fixture.FailsAsync(ErrorCodes.InvalidValue, s => s.ApproveAsync(LedgerFixture.Secretary100, LedgerFixture.Book, default(LedgerEntryId)));

        AssertRefused(Assert.IsType<GridGovernanceValidationException>(reverse), "original", ErrorCodes.InvalidValue);
        AssertRefused(Assert.IsType<GridGovernanceValidationException>(get), "entry", ErrorCodes.InvalidValue);
        AssertRefused(Assert.IsType<GridGovernanceValidationException>(approve), "entry", ErrorCodes.InvalidValue);
    }
}
