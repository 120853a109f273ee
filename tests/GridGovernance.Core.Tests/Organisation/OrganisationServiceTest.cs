using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public partial class OrganisationServiceTest : IDisposable
{
    private readonly OrganisationFixture city = new();

    public void Dispose()
    {
        city.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Schema_IsTheConfiguredOne()
    {
        var schema = await city.RunAsync(s => Task.FromResult(s.Schema));

        Assert.Same(HierarchySchemas.Laiwu, schema);
    }

    [Fact]
    public async Task Today_IsTheClockDateInShanghai()
    {
        // 2024-05-31T20:00Z is already 1 June in Asia/Shanghai (UTC+8).
        city.Clock.Reset(NodaTime.Instant.FromUtc(2024, 5, 31, 20, 0));

        var today = await city.QueryAsync(s => Task.FromResult(s.Today));

        Assert.Equal(D2, today);
    }

    [Fact]
    public async Task GetUnitAsync_Unknown_ThrowsNotFound()
    {
        await city.SeedLaiwuAsync();

        var exception = await Assert.ThrowsAsync<EntityNotFoundException>(() => city.QueryAsync(s => s.GetUnitAsync(U(999))));

        Assert.Equal(ErrorCodes.NotFound, exception.Code);
        Assert.Equal(U(999), exception.AggregateId);
    }

    [Fact]
    public async Task Rename_KeepsFormerName_AndRecordsEvent()
    {
        await city.SeedLaiwuAsync();

        var renamed = await city.RunAsync(s => s.RenameUnitAsync(TestActors.System, U(100), "  西关新社区 ", D2));

        Assert.Equal("西关新社区", renamed.Name);
        var stored = await city.UnitAsync(100);
        Assert.Equal("西关社区", stored.NameOn(D1));
        Assert.Equal("西关新社区", stored.NameOn(D2));
        Assert.Null(stored.NameOn(new NodaTime.LocalDate(2023, 12, 31)));
        Assert.Equal(2, stored.Names.Segments.Length);
        var renamedEvent = Assert.IsType<OrgUnitRenamed>(Assert.Single(renamed.DomainEvents));
        Assert.Equal(new OrgUnitRenamed(U(100), "西关社区", "西关新社区", D2), renamedEvent);
    }

    [Fact]
    public async Task Rename_BeforeLastRename_ThrowsRetroactive()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.RenameUnitAsync(TestActors.System, U(100), "New", D2));

        await city.FailsAsync(ErrorCodes.RetroactiveChange, s => s.RenameUnitAsync(TestActors.System, U(100), "Older", D1));
    }

    [Fact]
    public async Task Rename_ClosedUnit_ThrowsUnitClosed()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.CloseUnitAsync(TestActors.System, U(1011), D1));

        await city.FailsAsync(ErrorCodes.UnitClosed, s => s.RenameUnitAsync(TestActors.System, U(1011), "Again", D2));
    }

    [Fact]
    public async Task Rename_Blank_IsAValidationError()
    {
        await city.SeedLaiwuAsync();

        var e = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => city.RunAsync(s => s.RenameUnitAsync(TestActors.System, U(100), "  ", D2)));
        Assert.Equal("name", Assert.Single(e.Problems).Field);
        Assert.Equal("西关社区", (await city.UnitAsync(100)).Name);
    }
}
