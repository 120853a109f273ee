using GridGovernance.Organisation;
using NodaTime;

namespace GridGovernance.Tests.Authority;

/// <summary>
/// A small Yibin-like roster for authority tests. District 1 (secretary: member 90 of functional branch 20 under
/// street 10); streets 10 and 11; communities 100 and 101 (street 10) and 110 (street 11); regional committee 50
/// (区域党委, under street 10) spanning 100 and 101 with member 6 as rotating chair (轮值主席); grids 1000 (100),
/// 1010 (101), 1100 (110); organ branch 30 (functional, under street 11) whose member 7 is dual-registered
/// (双报到) with community 101. Members: 1 secretary of grid 1000, 2 ordinary in 1000, 3 committee member (委员)
/// of community 101 (in grid 1010), 4 secretary of grid 1100, 5 grid head (网格长) of 1000, 6 in 1010 (the chair),
/// 8 cashier of community 110 (in grid 1100), 9 secretary of organ branch 30. Households 1 (grid 1000), 2 (1100).
/// </summary>
public sealed class YibinWorld : IAsyncLifetime, IDisposable
{
    public static readonly LocalDate Day = new(2024, 6, 1);

    internal AuthorityWorld World { get; } = new();

    public static MemberId M(int id) => new(id);

    public static OrgUnitId U(int id) => new(id);

    public async Task InitializeAsync()
    {
        await World.RunAsync(async organisation =>
        {
            await organisation.ImportAsync(TestActors.System, new RosterBatch
            {
                Units =
                [
                    Unit(1, UnitKind.District, null), Unit(10, UnitKind.Street, 1), Unit(11, UnitKind.Street, 1),
                    Unit(20, UnitKind.FunctionalBranch, 10), Unit(30, UnitKind.FunctionalBranch, 11),
                    Unit(50, UnitKind.RegionalCommittee, 10),
                    Unit(100, UnitKind.Community, 10), Unit(101, UnitKind.Community, 10), Unit(110, UnitKind.Community, 11),
                    Unit(1000, UnitKind.GridBranch, 100), Unit(1010, UnitKind.GridBranch, 101), Unit(1100, UnitKind.GridBranch, 110),
                ],
                Members =
                [
                    Member(1, 1000), Member(2, 1000), Member(3, 1010), Member(4, 1100), Member(5, 1000), Member(6, 1010),
                    Member(7, 30), Member(8, 1100), Member(9, 30), Member(90, 20),
                ],
                Households = [new HouseholdDraft(new HouseholdId(1), U(1000), "1号楼"), new HouseholdDraft(new HouseholdId(2), U(1100), "2号楼")],
                Roles =
                [
                    new RoleDraft(M(90), RoleKind.Secretary, U(1)), new RoleDraft(M(1), RoleKind.Secretary, U(1000)),
                    new RoleDraft(M(3), RoleKind.CommitteeMember, U(101)), new RoleDraft(M(4), RoleKind.Secretary, U(1100)),
                    new RoleDraft(M(5), RoleKind.GridHead, U(1000)), new RoleDraft(M(8), RoleKind.Cashier, U(110)),
                    new RoleDraft(M(9), RoleKind.Secretary, U(30)),
                ],
            }, AuthorityWorld.Day0);
            await organisation.AddSpanAsync(TestActors.System, U(50), U(100), new Validity(AuthorityWorld.Day0));
            await organisation.AddSpanAsync(TestActors.System, U(50), U(101), new Validity(AuthorityWorld.Day0));
            await organisation.AppointChairAsync(TestActors.System, U(50), new ChairTerm(M(6), U(1010), new Validity(AuthorityWorld.Day0, new LocalDate(2024, 7, 1))));
            await organisation.RegisterDualAsync(TestActors.System, M(7), U(101), new Validity(AuthorityWorld.Day0));
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => World.Dispose();

    private static UnitDraft Unit(int id, UnitKind kind, int? parent) => new(U(id), kind, $"{kind.Code} {id}", parent is int p ? U(p) : null);

    private static MemberDraft Member(int id, int branch) => new(M(id), $"党员{id}", MemberKind.LongResident, new LocalDate(2001, 7, 1), U(branch));
}
