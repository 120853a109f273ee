using GridGovernance.Organisation;
using GridGovernance.Testing;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

/// <summary>The input policy on roster rows (issue 14): lengths at their limits, refused characters, enums, ranges, locations, null lists.</summary>
public sealed partial class RosterValidatorTest
{
    [Theory]
    [InlineData(InputPolicy.MaxNameLength - 1, false)]
    [InlineData(InputPolicy.MaxNameLength, false)]
    [InlineData(InputPolicy.MaxNameLength + 1, true)]
    public void Member_Name_AtMostTheNameLimit(int length, bool refused)
    {
        var batch = new RosterBatch { Members = [Member(1) with { Name = new string('王', length) }] };

        if (refused)
        {
            AssertProblems(batch, ("Members[0].Name", "member:1", ErrorCodes.TextTooLong));
        }
        else
        {
            Assert.Empty(Validate(batch));
        }
    }

    [Theory]
    [InlineData(InputPolicy.MaxAddressLength - 1, false)]
    [InlineData(InputPolicy.MaxAddressLength, false)]
    [InlineData(InputPolicy.MaxAddressLength + 1, true)]
    public void Household_Address_AtMostTheAddressLimit(int length, bool refused)
    {
        var batch = new RosterBatch { Households = [HouseholdRow(1, 1000) with { Address = new string('址', length) }] };

        if (refused)
        {
            AssertProblems(batch, ("Households[0].Address", "household:1", ErrorCodes.TextTooLong));
        }
        else
        {
            Assert.Empty(Validate(batch));
        }
    }

    [Fact]
    public void EveryRefusedCharacter_InAName_IsReportedOnItsField()
    {
        foreach (var bad in HostileInputs.RefusedCharacters)
        {
            var batch = new RosterBatch
            {
                Units = [UnitRow(1001, UnitKind.GridBranch, 100) with { Name = "网格" + bad }],
                Members = [Member(1) with { Name = "王" + bad + "明" }],
                Households = [HouseholdRow(1, 1000) with { Address = bad + "3号楼", HeadName = "李" + bad }],
                StationedUnits = [Stationed(71, 10, 3) with { Name = "单位" + bad }],
            };

            AssertProblems(batch,
                ("Units[0].Name", "unit:1001", ErrorCodes.ForbiddenCharacter),
                ("Members[0].Name", "member:1", ErrorCodes.ForbiddenCharacter),
                ("Households[0].Address", "household:1", ErrorCodes.ForbiddenCharacter),
                ("Households[0].HeadName", "household:1", ErrorCodes.ForbiddenCharacter),
                ("StationedUnits[0].Name", "stationed-unit:71", ErrorCodes.ForbiddenCharacter));
        }
    }

    [Fact]
    public void A_SurrogatePair_IsText_NotARefusedCharacter()
    {
        Assert.Empty(Validate(new RosterBatch { Members = [Member(1) with { Name = "𠀀明 😀" }] }));
    }

    [Fact]
    public void UndefinedEnums_AreRefused_NotStored()
    {
        var batch = new RosterBatch
        {
            Units = [UnitRow(1001, UnitKind.GridBranch, 100) with { GridBranchKind = (GridBranchKind)99 }],
            Members = [Member(1) with { Kind = (MemberKind)99 }],
            StationedUnits = [new StationedUnitDraft(R(71), "单位", (StationedUnitKind)99, U(100), 10, 3)],
            Roles = [new RoleDraft(M(50), RoleKind.GridHead, U(1000), (Employment)99)],
        };

        AssertProblems(batch,
            ("Units[0].GridBranchKind", "unit:1001", ErrorCodes.UndefinedEnum),
            ("Members[0].Kind", "member:1", ErrorCodes.UndefinedEnum),
            ("StationedUnits[0].Kind", "stationed-unit:71", ErrorCodes.UndefinedEnum),
            ("Roles[0].Employment", "member:50", ErrorCodes.UndefinedEnum));
    }

    [Theory]
    [InlineData(RosterValidator.MaxResidents - 1, false)]
    [InlineData(RosterValidator.MaxResidents, false)]
    [InlineData(RosterValidator.MaxResidents + 1, true)]
    public void Household_Residents_AtMostTheLimit(int residents, bool refused)
    {
        var batch = new RosterBatch { Households = [HouseholdRow(1, 1000, residents)] };

        if (refused)
        {
            AssertProblems(batch, ("Households[0].Residents", "household:1", ErrorCodes.OutOfRange));
        }
        else
        {
            Assert.Empty(Validate(batch));
        }
    }

    [Fact]
    public void UnknownLocation_IsRefused_NullAndRealOnesAreNot()
    {
        var batch = new RosterBatch
        {
            Members = [Member(1) with { Location = GeoPoint.Unknown }, Member(2) with { Location = null }, Member(3) with { Location = new GeoPoint(0, 0) }],
            Households = [HouseholdRow(1, 1000) with { Location = default(GeoPoint) }],
        };

        AssertProblems(batch,
            ("Members[0].Location", "member:1", ErrorCodes.LocationRequired),
            ("Households[0].Location", "household:1", ErrorCodes.LocationRequired));
    }

    [Fact]
    public void NullRowsAndNullLists_AreProblems_NotNullReferenceExceptions()
    {
        AssertProblems(new RosterBatch { Members = [null!], Households = [null!] },
            ("Members[0]", null, ErrorCodes.InvalidValue),
            ("Households[0]", null, ErrorCodes.InvalidValue));
        AssertProblems(new RosterBatch { Members = null!, Roles = null! },
            ("Members", null, ErrorCodes.InvalidValue),
            ("Roles", null, ErrorCodes.InvalidValue));
    }
}
