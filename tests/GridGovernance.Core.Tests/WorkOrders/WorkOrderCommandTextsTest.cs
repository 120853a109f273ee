using GridGovernance.WorkOrders;
using static GridGovernance.Tests.WorkOrders.WorkOrderServiceFixture;

namespace GridGovernance.Tests.WorkOrders;

/// <summary>
/// The texts a work-order command carries (notes, evidence, a comment, a deliberation's outcome) pass the input policy
/// before anything is read or changed: a refused text changes nothing and names its field (issue 14).
/// </summary>
public sealed class WorkOrderCommandTextsTest
{
    // By name: xunit rewrites a lone surrogate in theory data to U+FFFD, so the texts are made in the test.
    public static TheoryData<string> Hostile => new("right-to-left override", "zero-width space", "NUL", "lone surrogate", "one past the limit");

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Supervise_Resolve_Escalate_RefuseTheText_AndChangeNothing(string what)
    {
        var text = what switch
        {
            "right-to-left override" => "已处理\u202E",
            "zero-width space" => "照片\u200B",
            "NUL" => "ok\0",
            "lone surrogate" => "ok\uD800",
            _ => new string('x', InputPolicy.MaxFreeTextLength + 1),
        };
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        var before = await f.FingerprintAsync();

        var supervise = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.SuperviseAsync(Secretary100, id, text)));
        var resolve = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.ResolveAsync(Secretary100, id, text)));
        var escalate = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.EscalateAsync(Secretary100, id, text)));

        Assert.True(before == await f.FingerprintAsync(), what);
        Assert.Equal("note", Assert.Single(supervise.Problems).Field);
        Assert.Equal("evidence", Assert.Single(resolve.Problems).Field);
        Assert.Equal("note", Assert.Single(escalate.Problems).Field);
        Assert.Contains(supervise.Problems[0].Rule, new[] { ErrorCodes.ForbiddenCharacter, ErrorCodes.TextTooLong });
    }

    [Fact]
    public async Task FreeText_WithLineBreaksAndTabs_AtTheLimit_IsAccepted()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        var evidence = ("照片:\t1\r\n" + new string('x', InputPolicy.MaxFreeTextLength))[..InputPolicy.MaxFreeTextLength];

        var resolved = await f.RunAsync(s => s.ResolveAsync(Secretary100, id, evidence));

        Assert.Equal(WorkOrderStatus.Resolved, resolved.Status);
    }

    [Fact]
    public async Task Rate_RefusesAHostileComment_AndTheOrderStaysResolved()
    {
        using var f = new WorkOrderServiceFixture();
        var id = await f.FileAndTriageAsync();
        await f.RunAsync(s => s.ClaimAsync(Secretary100, id));
        await f.RunAsync(s => s.ResolveAsync(Secretary100, id, "photo"));
        var before = await f.FingerprintAsync();

        var e = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => f.RunAsync(s => s.RateAsync(Resident, id, false, "差评\u2066")));

        Assert.Equal(("comment", ErrorCodes.ForbiddenCharacter), (e.Problems[0].Field, e.Problems[0].Rule));
        Assert.Equal(before, await f.FingerprintAsync());
    }
}
