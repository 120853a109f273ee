using GridGovernance.Authority;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Catalogue;
using GridGovernance.Tests.Scoring.Ledger;
using Microsoft.Extensions.DependencyInjection;
using static GridGovernance.Tests.Scoring.Ledger.LedgerFixture;

namespace GridGovernance.Tests.Scoring.Catalogue;

/// <summary>The rule-book catalogue (积分细则): stored versions, looked up by id; adding and revising through the authority policy.</summary>
public sealed class RuleBookCatalogueTest : IDisposable
{
    private readonly LedgerFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    internal static RuleBook Revised(RuleBook book, int version, decimal partyDayPoints = 1) =>
        RuleBook.Create(book.Definition with
        {
            Version = version,
            Items = [.. book.Definition.Items.Select(i => i.Code == "themed-party-day"
                ? i with { Versions = [i.Versions[0] with { Points = P(partyDayPoints) }] }
                : i)],
        });

    private async Task<T> RunAsync<T>(Func<RuleBookCatalogue, Task<T>> operation)
    {
        using var scope = fixture.Scope();
        return await operation(scope.ServiceProvider.GetRequiredService<RuleBookCatalogue>());
    }

    [Fact]
    public async Task Add_StoresTheVersion_ReadBackByIdFromAnotherScope()
    {
        var stored = await RunAsync(c => c.AddAsync(Admin, Book, District));

        Assert.Equal(new RuleBookId("test-book"), stored.Id);
        Assert.Equal(District, stored.Owner);
        Assert.Equal(Book.Definition.Name, stored.Name);
        var version = Assert.Single(stored.Versions);
        Assert.Equal(1, version.Version);
        Assert.False(version.IsPublished);
        Assert.Equal("member:4", version.SavedBy.Value);
        Assert.IsType<RuleBookAdded>(Assert.Single(stored.DomainEvents));
        var read = await RunAsync(c => c.GetAsync(new RuleBookId("test-book")));
        Assert.Equal(RuleBookJson.Serialize(Book), RuleBookJson.Serialize(read));
        Assert.Equal(1, read.Version);
        Assert.Equal(RuleBookJson.Serialize(Book), RuleBookJson.Serialize(await RunAsync(c => c.GetAsync(new RuleBookId("test-book"), 1))));
    }

    [Fact]
    public async Task Add_TheSameBookAgain_ChangesNothing_AnotherBookWithTheId_IsRefused()
    {
        var first = await RunAsync(c => c.AddAsync(Admin, Book, District));

        var again = await RunAsync(c => c.AddAsync(Admin, Book, District));
        var other = await Assert.ThrowsAsync<GridGovernanceException>(() => RunAsync(c => c.AddAsync(Admin, Revised(Book, 1, 2), District)));
        var otherOwner = await Assert.ThrowsAsync<GridGovernanceException>(() => RunAsync(c => c.AddAsync(Admin, Book, Community100)));

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(ErrorCodes.RuleBookExists, other.Code);
        Assert.Equal(ErrorCodes.RuleBookExists, otherOwner.Code);
        Assert.Single((await RunAsync(c => c.GetStoredAsync(new RuleBookId("test-book")))).Versions);
    }

    [Fact]
    public async Task Revise_AddsAHigherVersion_OrReplacesAnUnpublishedOne_AndRefusesALowerNewOne()
    {
        await RunAsync(c => c.AddAsync(Admin, Book, District));

        var corrected = await RunAsync(c => c.ReviseAsync(Admin, Revised(Book, 1, 2)));
        var unchanged = await RunAsync(c => c.ReviseAsync(Admin, Revised(Book, 1, 2)));
        var second = await RunAsync(c => c.ReviseAsync(Admin, Revised(Book, 3, 3)));
        var lower = await Assert.ThrowsAsync<GridGovernanceException>(() => RunAsync(c => c.ReviseAsync(Admin, Revised(Book, 2, 4))));

        Assert.Single(corrected.Versions);
        Assert.True(Assert.IsType<RuleBookRevised>(Assert.Single(corrected.DomainEvents)).Replaced);
        Assert.Equal(corrected.Version, unchanged.Version);
        Assert.Empty(unchanged.DomainEvents);
        Assert.Equal([1, 3], second.Versions.Select(v => v.Version));
        Assert.Equal(ErrorCodes.RuleBookVersionOrder, lower.Code);
        Assert.Equal(ErrorKind.Invalid, lower.Kind);
        Assert.Equal(P(3), (await RunAsync(c => c.GetAsync(new RuleBookId("test-book")))).Items[0].Versions[0].Points);
        Assert.Equal(P(2), (await RunAsync(c => c.GetAsync(new RuleBookId("test-book"), 1))).Items[0].Versions[0].Points);
    }

    [Fact]
    public async Task Authority_TheOwnersSecretaryOrOneAbove_MayManage_ACommunitySecretaryMayNotManageTheDistricts()
    {
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => RunAsync(c => c.AddAsync(Secretary100, Book, District)));
        var ownCommunity = await RunAsync(c => c.AddAsync(Secretary100, CreateBook("community-book"), Community100));
        var byDistrict = await RunAsync(c => c.ReviseAsync(Admin, Revised(CreateBook("community-book"), 2)));
        var committeeMember = await Assert.ThrowsAsync<ForbiddenException>(() => RunAsync(c => c.ReviseAsync(DistrictCommittee, Revised(CreateBook("community-book"), 3))));
        var system = await RunAsync(c => c.AddAsync(Actor.System("setup"), Book, District));

        Assert.Equal(LedgerFixture.Forbidden, refused.Code);
        Assert.Equal(Capabilities.ManageRuleBooks, refused.Capability);
        Assert.Equal(Community100, ownCommunity.Owner);
        Assert.Equal(2, byDistrict.Latest.Version);
        Assert.Equal(LedgerFixture.Forbidden, committeeMember.Code);
        Assert.Equal("system:setup", system.Latest.SavedBy.Value);
    }

    [Fact]
    public async Task Reads_OfAnUnknownBookOrVersion_AreNotFound()
    {
        await RunAsync(c => c.AddAsync(Admin, Book, District));

        Assert.Null(await RunAsync(c => c.FindAsync(new RuleBookId("nope"))));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => RunAsync(c => c.GetAsync(new RuleBookId("nope"))));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => RunAsync(c => c.GetAsync(new RuleBookId("test-book"), 2)));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => RunAsync(c => c.ReviseAsync(Admin, CreateBook("nope"))));
    }

    [Fact]
    public void RuleBookId_RefusesBlankAndOverlongValues()
    {
        Assert.Equal("value", Assert.Throws<GridGovernanceValidationException>(() => new RuleBookId(" ")).Problems.Single().Field);
        Assert.Equal("value", Assert.Throws<GridGovernanceValidationException>(() => new RuleBookId(new string('x', InputPolicy.MaxKeyLength + 1))).Problems.Single().Field);
        Assert.True(RuleBookId.TryParse("laiwu-2024", null, out var parsed));
        Assert.Equal(new RuleBookId("laiwu-2024"), parsed);
        Assert.False(RuleBookId.TryParse(new string('x', InputPolicy.MaxKeyLength + 1), null, out _));
        Assert.False(default(RuleBookId).IsSpecified);
        Assert.Equal("rulebook:laiwu-2024", new RuleBookId("laiwu-2024").ToString());
        Assert.Equal(new RuleBookId("test-book"), RuleBookId.Of(Book));
    }
}
