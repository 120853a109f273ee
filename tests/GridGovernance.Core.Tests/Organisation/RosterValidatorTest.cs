using GridGovernance.Organisation;
using NodaTime;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

/// <summary>
/// The roster validator on its own (it is pure: the stored state comes in as lookups), under the Laiwu schema, with
/// the exact list of problems each batch gives, so that a rule that stops firing or fires too often both fail.
/// </summary>
public sealed partial class RosterValidatorTest
{
    /// <summary>The import date of every batch here.</summary>
    private static readonly LocalDate Effective = D1;

    // Stored: district 1 → street 10 → community 100 → grid 1000, all opened on D0; member 50; household 60;
    // stationed unit 70.
    private static readonly OrgUnit[] Stored =
    [
        OrgUnit.Create(UnitRow(1, UnitKind.District, null), D0),
        OrgUnit.Create(UnitRow(10, UnitKind.Street, 1), D0),
        OrgUnit.Create(UnitRow(100, UnitKind.Community, 10), D0),
        OrgUnit.Create(UnitRow(1000, UnitKind.GridBranch, 100), D0),
    ];

    private static IReadOnlyList<ValidationProblem> Validate(RosterBatch batch, LocalDate? effective = null, params OrgUnit[] extraStored)
    {
        var units = Stored.Concat(extraStored).ToDictionary(u => u.Id);
        var validator = new RosterValidator(
            HierarchySchemas.Laiwu,
            effective ?? Effective,
            units,
            new HashSet<MemberId> { M(50) },
            new HashSet<HouseholdId> { H(60) },
            new HashSet<StationedUnitId> { R(70) });
        return validator.Validate(batch);
    }

    /// <summary>Field, key and rule of each problem; every problem must also explain itself.</summary>
    private static (string Field, string? Key, string Rule)[] Summary(IEnumerable<ValidationProblem> problems)
    {
        var list = problems.ToList();
        Assert.All(list, p => Assert.False(string.IsNullOrWhiteSpace(p.Message), $"{p.Field} has no message."));
        return list.Select(p => (p.Field, p.Key, p.Rule)).ToArray();
    }

    private static void AssertProblems(RosterBatch batch, params (string Field, string? Key, string Rule)[] expected) =>
        Assert.Equal(expected, Summary(Validate(batch)));

    private static MemberDraft Member(int id, int branch = 1000) => MemberRow(id, branch);

    private static StationedUnitDraft Stationed(int id, int headcount, int memberCount, int community = 100) =>
        new(R(id), $"Unit {id}", StationedUnitKind.Institution, U(community), headcount, memberCount);

    [Fact]
    public void Validate_AValidBatch_HasNoProblems()
    {
        var batch = new RosterBatch
        {
            Units =
            [
                UnitRow(1001, UnitKind.GridBranch, 100) with { GridBranchKind = GridBranchKind.CoBuilt, CoBuildingPartner = R(70) },
                UnitRow(1002, UnitKind.GridBranch, 100) with { GridBranchKind = GridBranchKind.CoBuilt, CoBuildingPartner = R(71) },
                UnitRow(10010, UnitKind.PartyGroup, 1001) with { PartyGroupKind = PartyGroupKind.Building },
                UnitRow(2, UnitKind.District, null),
            ],
            Members = [Member(1, 1001), Member(2, 10010) with { Phone = "+8613800000002" }],
            Households = [HouseholdRow(1, 1000), HouseholdRow(2, 10010) with { Phone = "13800000003" }],
            StationedUnits = [Stationed(71, 10, 3) with { PartyOrganisationId = U(1001), HasOwnOrganisation = true }],
            Roles = [new RoleDraft(M(1), RoleKind.GridHead, U(1001)), new RoleDraft(M(50), RoleKind.GridHead, U(1001)), new RoleDraft(M(1), RoleKind.Sentinel, U(1001))],
        };

        Assert.Empty(Validate(batch));
    }

    // ---- Ids ----

    [Fact]
    public void Ids_DefaultDuplicateAndStored_AreEachReportedOnce()
    {
        var batch = new RosterBatch
        {
            Units = [UnitRow(1001, UnitKind.GridBranch, 100), UnitRow(1001, UnitKind.GridBranch, 100), UnitRow(1000, UnitKind.GridBranch, 100)],
            Members = [Member(1), new MemberDraft(default, "No id", MemberKind.LongResident, Joined, U(1000)), Member(1), Member(50)],
            Households = [HouseholdRow(60, 1000), HouseholdRow(61, 1000), HouseholdRow(61, 1000)],
            StationedUnits = [Stationed(70, 1, 0), Stationed(72, 1, 0), Stationed(72, 1, 0)],
        };

        AssertProblems(batch,
            ("Units[1].Id", "unit:1001", ErrorCodes.DuplicateId),
            ("Units[2].Id", "unit:1000", ErrorCodes.DuplicateId),
            ("StationedUnits[0].Id", "stationed-unit:70", ErrorCodes.DuplicateId),
            ("StationedUnits[2].Id", "stationed-unit:72", ErrorCodes.DuplicateId),
            ("Members[1].Id", null, ErrorCodes.InvalidValue),
            ("Members[2].Id", "member:1", ErrorCodes.DuplicateId),
            ("Members[3].Id", "member:50", ErrorCodes.DuplicateId),
            ("Households[0].Id", "household:60", ErrorCodes.DuplicateId),
            ("Households[2].Id", "household:61", ErrorCodes.DuplicateId));
    }

    [Fact]
    public void Ids_DuplicateAndStoredMessagesSayWhich()
    {
        var problems = Validate(new RosterBatch { Members = [Member(50), Member(2), Member(2)] });

        Assert.Equal(["member:50 is already stored.", "member:2 appears more than once in the batch."], problems.Select(p => p.Message));
    }

    [Fact]
    public void NullRows_AreReported_AndTheRestIsStillChecked()
    {
        var batch = new RosterBatch
        {
            Units = [null!, UnitRow(1001, UnitKind.GridBranch, 100)],
            Members = [null!],
            Households = [null!],
            StationedUnits = [null!],
            Roles = [null!, new RoleDraft(M(9), RoleKind.GridHead, U(1000))],
        };

        AssertProblems(batch,
            ("Units[0]", null, ErrorCodes.InvalidValue),
            ("StationedUnits[0]", null, ErrorCodes.InvalidValue),
            ("Members[0]", null, ErrorCodes.InvalidValue),
            ("Households[0]", null, ErrorCodes.InvalidValue),
            ("Roles[0]", null, ErrorCodes.InvalidValue),
            ("Roles[1].MemberId", "member:9", ErrorCodes.UnknownReference));
    }
}
