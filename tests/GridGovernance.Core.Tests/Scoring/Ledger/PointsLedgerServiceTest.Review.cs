using GridGovernance.Authority;
using GridGovernance.Organisation;
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

        var approved = await fixture.RunAsync(s => s.ApproveAsync(Secretary100, Book, declared.Id, note: "  signed in  "));

        Assert.Equal(LedgerEntryStatus.Approved, approved.Status);
        Assert.Equal(M2, approved.ReviewedBy);
        Assert.Equal(Community100, approved.ReviewerUnit);
        Assert.Equal(fixture.Clock.GetCurrentInstant(), approved.ReviewedAt);
        Assert.Equal("signed in", approved.ReviewReason);
        Assert.True(approved.CountsInAssessment);
        var e = Assert.IsType<LedgerEntryApproved>(Assert.Single(approved.DomainEvents));
        Assert.Equal(LedgerActor.Of(Secretary100), e.Reviewer);
        Assert.Equal(Community100, e.ReviewerUnit);
        Assert.Equal(LedgerEntryStatus.Approved, (await fixture.GetAsync(declared.Id)).Status);
    }

    [Fact]
    public async Task Approve_ByTheDistrict_CoversEveryMember()
    {
        var declared = await fixture.DeclareAsync(M4, "themed-party-day", D(5, 10), "k");
        var approved = await fixture.ApproveAsync(declared.Id, DistrictCommittee);
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
        await fixture.FailsAsync(ErrorCodes.LedgerValueOutOfRange, s => s.ApproveAsync(Secretary100, Book, declared.Id, P(6)));
    }

    [Fact]
    public async Task Approve_ValueForAFixedItem_IsRefused()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");
        await fixture.FailsAsync(ErrorCodes.LedgerValueNotAllowed, s => s.ApproveAsync(Secretary100, Book, declared.Id, P(1)));
    }

    [Fact]
    public async Task Approve_WithAnotherRuleBook_IsAnArgumentError()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.ApproveAsync(Secretary100, CreateBook("other"), declared.Id)));
    }

    [Theory]
    [InlineData(5, 100)]   // member 5 sits in community 101
    [InlineData(4, 100)]   // member 4 sits in community 110 of another street
    [InlineData(1, 101)]   // a sibling community
    [InlineData(1, 1001)]  // a grid branch beside member 1's
    public async Task Review_OutsideTheJurisdiction_IsRefused(int member, int unit)
    {
        var declared = await fixture.DeclareAsync(new MemberId(member), "themed-party-day", D(5, 10), "k");
        var reviewer = Actor.Post(M3, RoleKind.CommitteeMember, new OrgUnitId(unit));

        var e = await fixture.FailsAsync(Forbidden, s => s.ApproveAsync(reviewer, Book, declared.Id));
        Assert.Contains($"unit:{unit}", e.Message);
        await fixture.FailsAsync(Forbidden, s => s.RejectAsync(reviewer, declared.Id, "no"));
    }

    [Fact]
    public async Task Review_UsesTheHierarchyOfTheReviewDate()
    {
        var declared = await fixture.DeclareAsync(M5, "themed-party-day", D(5, 10), "k");
        await fixture.FailsAsync(Forbidden, s => s.ApproveAsync(Secretary100, Book, declared.Id));

        // Member 5 moves into grid 1000 of community 100: from then on community 100 may review them.
        await fixture.RunOrganisationAsync(o => o.TransferMemberAsync(TestActors.System, M5, new OrgUnitId(1000), D(5, 20)));

        var approved = await fixture.ApproveAsync(declared.Id);
        Assert.Equal(LedgerEntryStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task Review_OfOnesOwnDeclaration_IsRefused()
    {
        var declared = await fixture.DeclareAsync(M2, "themed-party-day", D(5, 10), "k");
        await fixture.FailsAsync(Forbidden, s => s.ApproveAsync(Secretary100, Book, declared.Id));
        await fixture.FailsAsync(Forbidden, s => s.RejectAsync(Secretary100, declared.Id, "mine"));
    }

    [Fact]
    public async Task Reject_RecordsTheReason()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");

        var rejected = await fixture.RunAsync(s => s.RejectAsync(Secretary100, declared.Id, " no sign-in sheet "));

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
        await Assert.ThrowsAsync<GridGovernanceValidationException>(() => fixture.RunAsync(s => s.RejectAsync(Secretary100, declared.Id, "  ")));
        await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.RunAsync(s => s.RejectAsync(Secretary100, declared.Id, null!)));
    }

    [Fact]
    public async Task Approve_ARejectedDeclaration_ThrowsNamingFromToAndActor()
    {
        var declared = await fixture.DeclareAsync(M1, "themed-party-day", D(5, 10), "k");
        await fixture.RunAsync(s => s.RejectAsync(Secretary100, declared.Id, "no"));

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
        await Assert.ThrowsAsync<IllegalTransitionException>(() => fixture.RunAsync(s => s.RejectAsync(Secretary100, recorded.Id, "no")));
    }

    [Fact]
    public async Task Review_UnknownEntry_IsNotFound()
    {
        await Assert.ThrowsAsync<EntityNotFoundException>(() => fixture.ApproveAsync(new LedgerEntryId(77)));
        await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.RunAsync(s => s.ApproveAsync(null!, Book, new LedgerEntryId(1))));
    }
}
