using GridGovernance.Scoring.Ledger;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Ledger;

/// <summary>Review (审核): approval, rejection, jurisdiction and illegal transitions.</summary>
public sealed partial class PointsLedgerServiceTest
{
    [Fact]
    public async Task Approve_ByAReviewerWithJurisdiction_ApprovesTheDeclaration()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");

        var approved = await fixture.RunAsync(s => s.ApproveAsync(Book, declared.Id, Secretary100, note: "  signed in  "));

        Assert.Equal(LedgerEntryStatus.Approved, approved.Status);
        Assert.Equal(M2, approved.ReviewedBy);
        Assert.Equal(Community100, approved.ReviewerUnit);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), approved.ReviewedAt);
        Assert.Equal("signed in", approved.ReviewReason);
        Assert.True(approved.CountsInAssessment);
        var e = Assert.IsType<LedgerEntryApproved>(Assert.Single(approved.DomainEvents));
        Assert.Equal(Secretary100, e.Reviewer);
        Assert.Equal(LedgerEntryStatus.Approved, (await fixture.GetAsync(declared.Id)).Status);
    }

    [Fact]
    public async Task Approve_ByTheDistrict_CoversEveryMember()
    {
        var declared = await fixture.DeclareAsync(M4, "themed-party-day", D(5, 10), "k");
        var approved = await fixture.ApproveAsync(declared.Id, new LedgerReviewer(M5, District));
        Assert.Equal(LedgerEntryStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task Approve_DiscretionaryWithAnotherValue_KeepsTheDeclaredOne()
    {
        var declared = await fixture.DeclareAsync(M1, "volunteer", D(5, 10), "k", value: 5);

        var approved = await fixture.ApproveAsync(declared.Id, value: 3);

        Assert.Equal(P(3), approved.Points);
        Assert.Equal(P(5), approved.DeclaredPoints);
    }

    [Fact]
    public async Task Approve_DiscretionaryValueOutsideTheRange_IsRefused()
    {
        var declared = await fixture.DeclareAsync(M1, "volunteer", D(5, 10), "k", value: 5);
        await fixture.FailsAsync(ErrorCodes.LedgerValueOutOfRange, s => s.ApproveAsync(Book, declared.Id, Secretary100, P(6)));
    }

    [Fact]
    public async Task Approve_ValueForAFixedItem_IsRefused()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");
        await fixture.FailsAsync(ErrorCodes.LedgerValueNotAllowed, s => s.ApproveAsync(Book, declared.Id, Secretary100, P(1)));
    }

    [Fact]
    public async Task Approve_WithAnotherRuleBook_IsAnArgumentError()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.RunAsync(s => s.ApproveAsync(CreateBook("other"), declared.Id, Secretary100)));
    }

    [Theory]
    [InlineData(5, 100)]   // member 5 sits in community 101
    [InlineData(4, 100)]   // member 4 sits in community 110 of another street
    [InlineData(1, 101)]   // a sibling community
    [InlineData(1, 1001)]  // a grid branch beside member 1's
    public async Task Review_OutsideTheJurisdiction_IsRefused(int member, int unit)
    {
        var declared = await fixture.DeclareAsync(new MemberId(member), "themed-party-day", D(5, 10), "k");
        var reviewer = new LedgerReviewer(M3, new OrgUnitId(unit));

        var e = await fixture.FailsAsync(ErrorCodes.LedgerOutsideJurisdiction, s => s.ApproveAsync(Book, declared.Id, reviewer));
        Assert.Contains($"unit:{unit}", e.Message);
        await fixture.FailsAsync(ErrorCodes.LedgerOutsideJurisdiction, s => s.RejectAsync(declared.Id, reviewer, "no"));
    }

    [Fact]
    public async Task Review_UsesTheHierarchyOfTheReviewDate()
    {
        var declared = await fixture.DeclareAsync(M5, "themed-party-day", D(5, 10), "k");
        await fixture.FailsAsync(ErrorCodes.LedgerOutsideJurisdiction, s => s.ApproveAsync(Book, declared.Id, Secretary100));

        // Member 5 moves into grid 1000 of community 100: from then on community 100 may review them.
        await fixture.RunOrganisationAsync(o => o.TransferMemberAsync(TestActors.System, M5, new OrgUnitId(1000), D(5, 20)));

        var approved = await fixture.ApproveAsync(declared.Id);
        Assert.Equal(LedgerEntryStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task Review_OfOnesOwnDeclaration_IsRefused()
    {
        var declared = await fixture.DeclareAsync(M2, "themed-party-day", D(5, 10), "k");
        await fixture.FailsAsync(ErrorCodes.LedgerSelfReview, s => s.ApproveAsync(Book, declared.Id, Secretary100));
        await fixture.FailsAsync(ErrorCodes.LedgerSelfReview, s => s.RejectAsync(declared.Id, Secretary100, "mine"));
    }

    [Fact]
    public async Task Reject_RecordsTheReason()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");

        var rejected = await fixture.RunAsync(s => s.RejectAsync(declared.Id, Secretary100, " no sign-in sheet "));

        Assert.Equal(LedgerEntryStatus.Rejected, rejected.Status);
        Assert.Equal("no sign-in sheet", rejected.ReviewReason);
        Assert.False(rejected.CountsInAssessment);
        var e = Assert.IsType<LedgerEntryRejected>(Assert.Single(rejected.DomainEvents));
        Assert.Equal("no sign-in sheet", e.Reason);
    }

    [Fact]
    public async Task Reject_WithoutReason_IsAnArgumentError()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.RunAsync(s => s.RejectAsync(declared.Id, Secretary100, "  ")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.RunAsync(s => s.RejectAsync(declared.Id, Secretary100, null!)));
    }

    [Fact]
    public async Task Approve_ARejectedDeclaration_ThrowsNamingFromToAndActor()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");
        await fixture.RunAsync(s => s.RejectAsync(declared.Id, Secretary100, "no"));

        var e = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.ApproveAsync(declared.Id));

        Assert.Equal(ErrorCodes.LedgerIllegalTransition, e.Code);
        Assert.Equal("Rejected", e.From);
        Assert.Equal("Approved", e.To);
        Assert.Equal("member:2", e.Actor);
        Assert.Contains("Rejected", e.Message);
        Assert.Contains("Approved", e.Message);
        Assert.Contains("member:2", e.Message);
    }

    [Fact]
    public async Task Approve_Twice_IsAnIllegalTransition()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");
        await fixture.ApproveAsync(declared.Id);

        var e = await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.ApproveAsync(declared.Id));
        Assert.Equal(("Approved", "Approved"), (e.From, e.To));
    }

    [Fact]
    public async Task Approve_ARecordedEntry_IsAnIllegalTransition()
    {
        var recorded = await fixture.RecordAsync(M1, "themed-party-day", D(5, 10), "k");
        await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.RunAsync(s => s.RejectAsync(recorded.Id, Secretary100, "no")));
    }

    [Fact]
    public async Task Review_UnknownEntry_IsNotFound()
    {
        await Assert.ThrowsAsync<EntityNotFoundException>(() => fixture.ApproveAsync(new LedgerEntryId(77)));
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.ApproveAsync(new LedgerEntryId(1), new LedgerReviewer(default, Community100)));
    }
}
