using GridGovernance.Organisation;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using NodaTime;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>Ledger requests under the input policy (issue 14): eligibility refused, texts and values checked, nothing written on refusal.</summary>
public sealed partial class PointsLedgerServiceTest
{
    private static readonly RuleBook InServiceOnly = RuleBook.Create(new RuleBookDefinition
    {
        Id = "test-book",
        Name = "eligibility",
        Categories = [new ScoreCategory("party-day", "主题党日")],
        Items =
        [
            new RuleItem("in-service-day", "party-day", "在职党员进社区", [new RuleItemVersion
            {
                EffectiveFrom = new LocalDate(2020, 1, 1), Kind = ItemKind.Fixed, Points = P(2), EligibleKinds = [MemberKind.InService],
            }]),
        ],
    });

    [Fact]
    public async Task Declare_AnItemTheMemberIsNotEligibleFor_IsRefusedWithACode_NotScoredZero()
    {
        // M1 is a long-resident member; the item is for in-service members only.
        var e = await fixture.FailsAsync(ErrorCodes.LedgerNotEligible, s => s.DeclareAsync(InPerson(M1), InServiceOnly, Request(M1, "in-service-day", D(5, 10), "k1")));
        Assert.Contains("InService", e.Message);
        await fixture.FailsAsync(ErrorCodes.LedgerNotEligible, s => s.RecordAsync(LedgerFixture.WorkOrders, InServiceOnly, LedgerSource.WorkOrder, Request(M1, "in-service-day", D(5, 10), "k2")));

        var eligible = await fixture.DeclareAsync(M3, "in-service-day", D(5, 10), "k3", book: InServiceOnly);
        Assert.Equal(P(2), eligible.Points);
    }

    [Fact]
    public async Task Declare_RefusedTextsAndValues_AreValidationErrorsNamingTheField()
    {
        async Task Refused(LedgerEntryRequest request, string field, string rule)
        {
            var e = await fixture.FailsAsync(rule, s => s.DeclareAsync(InPerson(M1), Book, request));
            var problem = Assert.Single(Assert.IsType<GridGovernanceValidationException>(e).Problems);
            Assert.Equal((field, rule), (problem.Field, problem.Rule));
        }

        var ok = Request(M1, "themed-party-day", D(5, 10), "k");
        await Refused(ok with { ItemCode = "themed\u202Eparty-day" }, "request.ItemCode", ErrorCodes.ForbiddenCharacter);
        await Refused(ok with { IdempotencyKey = "k\0" }, "request.IdempotencyKey", ErrorCodes.ForbiddenCharacter);
        await Refused(ok with { ItemCode = new string('i', InputPolicy.MaxKeyLength + 1) }, "request.ItemCode", ErrorCodes.TextTooLong);
        await Refused(ok with { Evidence = new string('e', InputPolicy.MaxFreeTextLength + 1) }, "request.Evidence", ErrorCodes.TextTooLong);
        await Refused(ok with { Evidence = "照片\u200B" }, "request.Evidence", ErrorCodes.ForbiddenCharacter);
        await Refused(ok with { Value = P(1_000_000) + Points.FromUnits(1) }, "request.Value", ErrorCodes.OutOfRange);
        await Refused(ok with { Value = -(P(1_000_000) + Points.FromUnits(1)) }, "request.Value", ErrorCodes.OutOfRange);
    }

    [Fact]
    public async Task Declare_AtTheLimits_IsAccepted()
    {
        var entry = await fixture.DeclareAsync(M1, "volunteer", D(5, 10), new string('k', 200), value: 5);
        Assert.Equal(P(5), entry.Points);
        var withEvidence = await fixture.RunAsync(s => s.DeclareAsync(InPerson(M1), Book,
            Request(M1, "themed-party-day", D(5, 11), "k2") with { Evidence = "第一行\n" + new string('e', InputPolicy.MaxFreeTextLength - 4) }));
        Assert.Equal(LedgerEntryStatus.Declared, withEvidence.Status);
    }

    [Fact]
    public async Task ReviewAndReversalTexts_AreCheckedBeforeAnyChange()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "texts");
        var recorded = await fixture.RecordAsync(M1, "petition", D(5, 10), "texts-2", tier: "city");

        var reject = await fixture.FailsAsync(ErrorCodes.ForbiddenCharacter, s => s.RejectAsync(Secretary100, declared.Id, "不符合\u202E"));
        var approve = await fixture.FailsAsync(ErrorCodes.TextTooLong, s => s.ApproveAsync(Secretary100, Book, declared.Id, note: new string('n', InputPolicy.MaxFreeTextLength + 1)));
        var reverse = await fixture.FailsAsync(ErrorCodes.ForbiddenCharacter, s => s.ReverseAsync(Admin, recorded.Id, "wrong\0member"));

        Assert.Equal("reason", Assert.Single(Assert.IsType<GridGovernanceValidationException>(reject).Problems).Field);
        Assert.Equal("note", Assert.Single(Assert.IsType<GridGovernanceValidationException>(approve).Problems).Field);
        Assert.Equal("reason", Assert.Single(Assert.IsType<GridGovernanceValidationException>(reverse).Problems).Field);
        var approved = await fixture.RunAsync(s => s.ApproveAsync(Secretary100, Book, declared.Id, note: "材料齐全\n已核实"));
        Assert.Equal(LedgerEntryStatus.Approved, approved.Status);
    }
}
