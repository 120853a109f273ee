using GridGovernance.Organisation;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

/// <summary>Units against the schema, parent cycles, placements, stationed units and roles.</summary>
public sealed partial class RosterValidatorTest
{
    [Fact]
    public void Unit_UnknownKind_IsReported_AndNotCheckedFurtherAgainstTheSchema()
    {
        AssertProblems(new RosterBatch { Units = [UnitRow(1001, new UnitKind("no-such-kind"), 100), UnitRow(1002, new UnitKind("no-such-kind"), null), UnitRow(1003, default, 100)] },
            ("Units[0].Kind", "unit:1001", ErrorCodes.UnknownUnitKind),
            ("Units[1].Kind", "unit:1002", ErrorCodes.UnknownUnitKind),
            ("Units[2].Kind", "unit:1003", ErrorCodes.UnknownUnitKind));
    }

    [Fact]
    public void Unit_WithoutParent_OnlyARootKind()
    {
        AssertProblems(new RosterBatch { Units = [UnitRow(2, UnitKind.District, null), UnitRow(11, UnitKind.Street, null)] },
            ("Units[1].ParentId", "unit:11", ErrorCodes.RootKindMismatch));
    }

    [Fact]
    public void Unit_UnderAParentKindTheSchemaDoesNotAllow_IsReported_WithTheAllowedParents()
    {
        var problems = Validate(new RosterBatch
        {
            Units = [UnitRow(1001, UnitKind.GridBranch, 10), UnitRow(101, UnitKind.Community, 10), UnitRow(10010, UnitKind.PartyGroup, 101)],
        });

        Assert.Equal([("Units[0].ParentId", (string?)"unit:1001", ErrorCodes.ParentKindNotAllowed), ("Units[2].ParentId", "unit:10010", ErrorCodes.ParentKindNotAllowed)], Summary(problems));
        Assert.EndsWith("allows it under: community.", problems[0].Message);
    }

    [Fact]
    public void Unit_UnderAnUnknownParent_IsReported()
    {
        AssertProblems(new RosterBatch { Units = [UnitRow(1001, UnitKind.GridBranch, 4242)] },
            ("Units[0].ParentId", "unit:1001", ErrorCodes.UnknownReference));
    }

    [Fact]
    public void Unit_GridBranchKindOnlyOnTheGridKind_PartyGroupKindOnlyOnPartyGroups()
    {
        AssertProblems(new RosterBatch
        {
            Units =
            [
                UnitRow(101, UnitKind.Community, 10) with { GridBranchKind = GridBranchKind.Combined },
                UnitRow(102, UnitKind.Community, 10) with { PartyGroupKind = PartyGroupKind.Building },
                UnitRow(1001, UnitKind.GridBranch, 100) with { GridBranchKind = GridBranchKind.Combined },
                UnitRow(10010, UnitKind.PartyGroup, 1000) with { PartyGroupKind = PartyGroupKind.Building },
            ],
        },
            ("Units[0].GridBranchKind", "unit:101", ErrorCodes.InvalidValue),
            ("Units[1].PartyGroupKind", "unit:102", ErrorCodes.InvalidValue));
    }

    [Fact]
    public void Unit_CoBuildingPartner_OnlyForACoBuiltGrid_AndMustExist()
    {
        AssertProblems(new RosterBatch
        {
            Units =
            [
                UnitRow(1001, UnitKind.GridBranch, 100) with { GridBranchKind = GridBranchKind.Combined, CoBuildingPartner = R(70) },
                UnitRow(1002, UnitKind.GridBranch, 100) with { CoBuildingPartner = R(70) },
                UnitRow(1003, UnitKind.GridBranch, 100) with { GridBranchKind = GridBranchKind.CoBuilt, CoBuildingPartner = R(99) },
                UnitRow(1004, UnitKind.GridBranch, 100) with { GridBranchKind = GridBranchKind.CoBuilt, CoBuildingPartner = R(71) },
            ],
            StationedUnits = [Stationed(71, 1, 0)],
        },
            ("Units[0].CoBuildingPartner", "unit:1001", ErrorCodes.InvalidValue),
            ("Units[1].CoBuildingPartner", "unit:1002", ErrorCodes.InvalidValue),
            ("Units[2].CoBuildingPartner", "unit:1003", ErrorCodes.UnknownReference));
    }

    [Fact]
    public void Unit_BlankName_IsReportedByItsFieldName()
    {
        var problems = Validate(new RosterBatch { Units = [UnitRow(1001, UnitKind.GridBranch, 100, " ")] });

        var problem = Assert.Single(problems);
        Assert.Equal(("Units[0].Name", "unit:1001", ErrorCodes.InvalidValue), (problem.Field, problem.Key, problem.Rule));
        Assert.Equal("Name must not be empty.", problem.Message);
    }

    [Fact]
    public void Cycles_TwoUnitsPointingAtEachOther_ReportedOnce()
    {
        var problems = Validate(new RosterBatch { Units = [UnitRow(1001, UnitKind.GridBranch, 1002), UnitRow(1002, UnitKind.GridBranch, 1001)] });

        var cycle = Assert.Single(problems, p => p.Rule == ErrorCodes.HierarchyCycle);
        Assert.Equal(("Units[0].ParentId", "unit:1001"), (cycle.Field, cycle.Key));
        Assert.EndsWith("unit:1001 → unit:1002 → unit:1001.", cycle.Message);
    }

    [Fact]
    public void Cycles_AUnitItsOwnParent_AndAChainLeadingIntoACycle()
    {
        var problems = Validate(new RosterBatch
        {
            Units =
            [
                UnitRow(1005, UnitKind.GridBranch, 1004), // leads into the cycle but is not on it
                UnitRow(1003, UnitKind.GridBranch, 1003),
                UnitRow(1004, UnitKind.GridBranch, 1006),
                UnitRow(1006, UnitKind.GridBranch, 1004),
            ],
        }).Where(p => p.Rule == ErrorCodes.HierarchyCycle).ToList();

        Assert.Equal([("Units[2].ParentId", "unit:1004"), ("Units[1].ParentId", "unit:1003")], problems.Select(p => (p.Field, p.Key)));
        Assert.EndsWith("unit:1004 → unit:1006 → unit:1004.", problems[0].Message);
        Assert.EndsWith("unit:1003 → unit:1003.", problems[1].Message);
    }

    [Fact]
    public void Cycles_AcyclicChainsThroughTheBatch_AreNotCycles()
    {
        // Two chains sharing an ancestor in the batch: the second walk meets units already known acyclic.
        Assert.Empty(Validate(new RosterBatch
        {
            Units =
            [
                UnitRow(10010, UnitKind.PartyGroup, 1001),
                UnitRow(10011, UnitKind.PartyGroup, 1001),
                UnitRow(1001, UnitKind.GridBranch, 101),
                UnitRow(101, UnitKind.Community, 10),
            ],
        }));
    }

    [Fact]
    public void Placement_MembersAndHouseholdsOnlyInTheirKinds()
    {
        var problems = Validate(new RosterBatch
        {
            Units = [UnitRow(101, UnitKind.Community, 10)],
            Members = [Member(1, 101), Member(2, 10), Member(3, 4242)],
            Households = [HouseholdRow(1, 101), HouseholdRow(2, 1000)],
        });

        Assert.Equal(
            [
                ("Members[0].BranchId", (string?)"member:1", ErrorCodes.MemberPlacementNotAllowed),
                ("Members[1].BranchId", "member:2", ErrorCodes.MemberPlacementNotAllowed),
                ("Members[2].BranchId", "member:3", ErrorCodes.UnknownReference),
                ("Households[0].UnitId", "household:1", ErrorCodes.HouseholdPlacementNotAllowed),
            ],
            Summary(problems));
        Assert.StartsWith("Members may not be placed in a 'community' (unit:101)", problems[0].Message);
        Assert.StartsWith("Households may not be placed", problems[3].Message);
    }

    [Fact]
    public void Names_BlankForMembersHouseholdsAndStationedUnits()
    {
        AssertProblems(new RosterBatch
        {
            Members = [Member(1) with { Name = "" }],
            Households = [HouseholdRow(1, 1000) with { Address = " " }],
            StationedUnits = [Stationed(71, 1, 0) with { Name = "\t" }],
        },
            ("Members[0].Name", "member:1", ErrorCodes.InvalidValue),
            ("Households[0].Address", "household:1", ErrorCodes.InvalidValue),
            ("StationedUnits[0].Name", "stationed-unit:71", ErrorCodes.InvalidValue));
    }

    [Fact]
    public void StationedUnit_References_CommunityAndOrganisation()
    {
        AssertProblems(new RosterBatch
        {
            StationedUnits =
            [
                Stationed(71, 1, 0, community: 4242),
                Stationed(72, 1, 0) with { PartyOrganisationId = U(4243) },
                Stationed(73, 1, 0) with { HasOwnOrganisation = true },
                Stationed(74, 1, 0) with { PartyOrganisationId = U(1000) },
            ],
        },
            ("StationedUnits[0].CommunityId", "stationed-unit:71", ErrorCodes.UnknownReference),
            ("StationedUnits[1].PartyOrganisationId", "stationed-unit:72", ErrorCodes.UnknownReference),
            ("StationedUnits[2].HasOwnOrganisation", "stationed-unit:73", ErrorCodes.InvalidValue));
    }

    [Fact]
    public void Roles_UnknownMemberRoleUnitAndDuplicates()
    {
        AssertProblems(new RosterBatch
        {
            Members = [Member(1)],
            Roles =
            [
                new RoleDraft(M(1), RoleKind.GridHead, U(1000)),
                new RoleDraft(M(9), RoleKind.GridHead, U(1000)),
                new RoleDraft(M(1), default, U(1000)),
                new RoleDraft(M(1), RoleKind.Sentinel, U(4242)),
                new RoleDraft(M(1), RoleKind.GridHead, U(1000), Employment.FullTime), // the same member, role and unit again
                new RoleDraft(M(50), RoleKind.GridHead, U(1000)), // another member: not a duplicate
            ],
        },
            ("Roles[1].MemberId", "member:9", ErrorCodes.UnknownReference),
            ("Roles[2].Role", "member:1", ErrorCodes.InvalidRole),
            ("Roles[3].UnitId", "member:1", ErrorCodes.UnknownReference),
            ("Roles[4]", "member:1", ErrorCodes.InvalidRole));
    }
}
