using GridGovernance.Organisation;
using NodaTime;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

public class HierarchyIndexTest
{
    /// <summary>
    /// District 1 → street 10 → community 100 → grid 1000 (group 10000 with member 1 and household 3; member 2;
    /// households 1, 2) and grid 1001 (member 3, household 4); community 101 → grid 1010 (household 6); regional
    /// committee 500 under street 10 spanning community 101. District 2 → street 20. Grid 1011 under 101 closed on D1.
    /// </summary>
    private static HierarchyIndex City(LocalDate? asOf = null, bool reverse = false)
    {
        var committee = NewUnit(500, UnitKind.RegionalCommittee, 10);
        committee.AddSpan(U(101), new Validity(D0));
        var closed = NewUnit(1011, UnitKind.GridBranch, 101);
        closed.Close(D1, []);
        var units = new List<OrgUnit>
        {
            NewUnit(1, UnitKind.District, null), NewUnit(2, UnitKind.District, null),
            NewUnit(10, UnitKind.Street, 1), NewUnit(20, UnitKind.Street, 2),
            NewUnit(100, UnitKind.Community, 10), NewUnit(101, UnitKind.Community, 10), committee,
            NewUnit(1000, UnitKind.GridBranch, 100), NewUnit(1001, UnitKind.GridBranch, 100), NewUnit(1010, UnitKind.GridBranch, 101), closed,
            NewUnit(10000, UnitKind.PartyGroup, 1000),
        };
        var members = new List<Member> { NewMember(1, 10000), NewMember(2, 1000), NewMember(3, 1001) };
        var households = new List<Household> { NewHousehold(1, 1000), NewHousehold(2, 1000), NewHousehold(3, 10000), NewHousehold(4, 1001), NewHousehold(6, 1010) };
        if (reverse)
        {
            units.Reverse();
            members.Reverse();
            households.Reverse();
        }
        return HierarchyIndex.Build(units, members, households, asOf ?? D2);
    }

    private static OrgUnit NewUnit(int id, UnitKind kind, int? parent, LocalDate? from = null) => OrgUnit.Create(UnitRow(id, kind, parent), from ?? D0);

    private static Member NewMember(int id, int branch) => Member.Create(MemberRow(id, branch), D0);

    private static Household NewHousehold(int id, int unit) => Household.Create(HouseholdRow(id, unit), D0);

    [Fact]
    public void Build_Counts()
    {
        var index = City();

        Assert.Equal(D2, index.AsOf);
        Assert.Equal(11, index.UnitCount);
        Assert.Equal(3, index.MemberCount);
        Assert.Equal(5, index.HouseholdCount);
        Assert.Equal(19, index.Count);
        Assert.Equal(new NodeRef[] { U(1), U(2) }, index.Roots);
    }

    [Fact]
    public void Ancestors_NearestFirst()
    {
        Assert.Equal(new NodeRef[] { U(10000), U(1000), U(100), U(10), U(1) }, City().Ancestors(H(3)));
        Assert.Empty(City().Ancestors(U(1)));
    }

    [Fact]
    public void PathTo_RootFirstIncludingNode()
    {
        Assert.Equal(new NodeRef[] { U(1), U(10), U(100), U(1000), U(10000), M(1) }, City().PathTo(M(1)));
        Assert.Equal(new NodeRef[] { U(2) }, City().PathTo(U(2)));
    }

    [Fact]
    public void ParentOfAndDepth()
    {
        var index = City();

        Assert.Equal(U(10000), index.ParentOf(H(3)));
        Assert.Null(index.ParentOf(U(1)));
        Assert.Equal(5, index.DepthOf(H(3)));
        Assert.Equal(0, index.DepthOf(U(2)));
        Assert.Equal(UnitKind.PartyGroup, index.KindOf(U(10000)));
    }

    [Fact]
    public void Children_UnitsThenMembersThenHouseholds_EachInIdOrder()
    {
        var expected = new NodeRef[] { U(10000), M(2), H(1), H(2) };

        Assert.Equal(expected, City().Children(U(1000)));
        Assert.Equal(expected, City(reverse: true).Children(U(1000)));
        Assert.Equal(new NodeRef[] { U(100), U(101), U(500) }, City(reverse: true).Children(U(10)));
        Assert.Empty(City().Children(H(1)));
    }

    [Fact]
    public void Descendants_DepthFirstPreorder_NotIncludingNode()
    {
        var expected = new NodeRef[] { U(1000), U(10000), M(1), H(3), M(2), H(1), H(2), U(1001), M(3), H(4) };

        Assert.Equal(expected, City().Descendants(U(100)));
        Assert.Equal(expected, City(reverse: true).Descendants(U(100)));
        Assert.Empty(City().Descendants(H(4)));
    }

    [Fact]
    public void IsAncestorOf_IsStrict_IsAncestorOrSelf_IsNot()
    {
        var index = City();

        Assert.True(index.IsAncestorOf(U(1), H(3)));
        Assert.True(index.IsAncestorOf(U(100), M(3)));
        Assert.False(index.IsAncestorOf(U(1001), H(3)));
        Assert.False(index.IsAncestorOf(H(3), U(1)));
        Assert.False(index.IsAncestorOf(H(3), H(3)));
        Assert.True(index.IsAncestorOrSelf(H(3), H(3)));
        Assert.True(index.IsAncestorOrSelf(U(10), H(6)));
        Assert.False(index.IsAncestorOrSelf(U(2), H(6)));
    }

    [Fact]
    public void LowestCommonAncestor()
    {
        var index = City();

        Assert.Equal(U(100), index.LowestCommonAncestor(H(3), M(3)));
        Assert.Equal(U(10), index.LowestCommonAncestor(H(6), H(4)));
        Assert.Equal(U(1000), index.LowestCommonAncestor(U(1000), H(3)));
        Assert.Equal(U(1000), index.LowestCommonAncestor(H(3), U(1000)));
        Assert.Equal(H(1), index.LowestCommonAncestor(H(1), H(1)));
        Assert.Null(index.LowestCommonAncestor(U(20), H(1)));
    }

    [Fact]
    public void CountsUnder_ExcludesTheUnitItself()
    {
        var index = City();

        Assert.Equal(new SubtreeCounts(8, 3, 5), index.CountsUnder(U(1)));
        Assert.Equal(new SubtreeCounts(3, 3, 4), index.CountsUnder(U(100)));
        Assert.Equal(new SubtreeCounts(0, 1, 1), index.CountsUnder(U(10000)));
        Assert.Equal(new SubtreeCounts(0, 0, 0), index.CountsUnder(U(20)));
    }

    [Fact]
    public void RollUp_SumsEverySubtree()
    {
        var index = City();

        var households = index.RollUp(n => n.Kind == NodeKind.Household ? 1 : 0);
        var weighted = index.RollUp(n => n.Kind switch { NodeKind.Unit => 100, NodeKind.Member => 10, _ => 1 });

        Assert.Equal(5, households[U(1)]);
        Assert.Equal(4, households[U(100)]);
        Assert.Equal(1, households[H(6)]);
        Assert.Equal(0, households[U(2)]);
        Assert.Equal(5, households.Total);
        Assert.Equal(400 + 30 + 4, weighted[U(100)]);
        Assert.Equal(1100 + 30 + 5, weighted.Total);
    }

    [Fact]
    public void UnitsOfKind_AndCountByKind()
    {
        var index = City();

        Assert.Equal([U(1000), U(1001), U(1010)], index.UnitsOfKind(UnitKind.GridBranch));
        var byKind = index.CountUnitsByKind();
        Assert.Equal(2, byKind[UnitKind.District]);
        Assert.Equal(3, byKind[UnitKind.GridBranch]);
        Assert.Equal(1, byKind[UnitKind.RegionalCommittee]);
        Assert.False(byKind.ContainsKey(UnitKind.Branch));
    }

    [Fact]
    public void IsWithinJurisdiction_SubtreeAndSpans()
    {
        var index = City();

        Assert.True(index.IsWithinJurisdiction(U(1000), H(3)));
        Assert.True(index.IsWithinJurisdiction(U(1000), U(1000)));
        Assert.False(index.IsWithinJurisdiction(U(1001), H(3)));
        Assert.True(index.IsWithinJurisdiction(U(500), H(6)));
        Assert.True(index.IsWithinJurisdiction(U(500), U(101)));
        Assert.False(index.IsWithinJurisdiction(U(500), H(1)));
        Assert.True(index.IsWithinJurisdiction(U(10), H(6)));
    }

    [Fact]
    public void IsWithinJurisdiction_UnknownOrClosedActor_False()
    {
        var index = City();

        Assert.False(index.IsWithinJurisdiction(U(999), H(1)));
        Assert.False(index.IsWithinJurisdiction(U(1000), H(999)));
        Assert.False(index.IsWithinJurisdiction(U(1011), H(6)));
        Assert.True(City(D0).IsWithinJurisdiction(U(1011), U(1011)));
    }

    [Fact]
    public void Build_AsOf_LeavesOutWhatDidNotExist()
    {
        var closedLater = City(D0);
        var later = City(D2);

        Assert.True(closedLater.Contains(U(1011)));
        Assert.False(later.Contains(U(1011)));
        Assert.Equal(U(101), closedLater.ParentOf(U(1011)));
        Assert.Equal(0, City(D0.PlusDays(-1)).Count);
    }

    [Fact]
    public void Build_FollowsHistoryOfEachDate()
    {
        var grid = NewUnit(1000, UnitKind.GridBranch, 100);
        grid.MoveTo(U(101), D1);
        var member = NewMember(1, 1000);
        member.TransferTo(U(1001), D2);
        var household = NewHousehold(1, 1000);
        household.Remove(D2);
        var late = NewUnit(1001, UnitKind.GridBranch, 100, D1);
        OrgUnit[] units = [NewUnit(1, UnitKind.District, null), NewUnit(10, UnitKind.Street, 1), NewUnit(100, UnitKind.Community, 10), NewUnit(101, UnitKind.Community, 10), grid, late];

        var atStart = HierarchyIndex.Build(units, [member], [household], D0);
        var atEnd = HierarchyIndex.Build(units, [member], [household], D2);

        Assert.Equal(U(100), atStart.ParentOf(U(1000)));
        Assert.Equal(U(101), atEnd.ParentOf(U(1000)));
        Assert.False(atStart.Contains(U(1001)));
        Assert.Equal(U(1000), atStart.ParentOf(M(1)));
        Assert.Equal(U(1001), atEnd.ParentOf(M(1)));
        Assert.True(atStart.Contains(H(1)));
        Assert.False(atEnd.Contains(H(1)));
    }

    [Fact]
    public void UnknownNode_IsRefused()
    {
        var index = City();
        var unknown = U(999);

        Assert.Throws<GridGovernanceValidationException>(() => index.Ancestors(unknown));
        Assert.Throws<GridGovernanceValidationException>(() => index.PathTo(M(99)));
        Assert.Throws<GridGovernanceValidationException>(() => index.Children(H(99)));
        Assert.Throws<GridGovernanceValidationException>(() => index.Descendants(unknown));
        Assert.Throws<GridGovernanceValidationException>(() => index.ParentOf(unknown));
        Assert.Throws<GridGovernanceValidationException>(() => index.DepthOf(unknown));
        Assert.Throws<GridGovernanceValidationException>(() => index.KindOf(unknown));
        Assert.Throws<GridGovernanceValidationException>(() => index.IsAncestorOf(U(1), unknown));
        Assert.Throws<GridGovernanceValidationException>(() => index.IsAncestorOrSelf(unknown, U(1)));
        Assert.Throws<GridGovernanceValidationException>(() => index.LowestCommonAncestor(U(1), unknown));
        Assert.Throws<GridGovernanceValidationException>(() => index.CountsUnder(unknown));
        Assert.Throws<GridGovernanceValidationException>(() => index.CountsUnder(U(1011)));
        Assert.Throws<GridGovernanceValidationException>(() => index.RollUp(_ => 1)[unknown]);
        Assert.False(index.Contains(unknown));
    }

    [Fact]
    public void Build_DuplicateId_IsRefused()
    {
        OrgUnit[] units = [NewUnit(1, UnitKind.District, null), NewUnit(1, UnitKind.District, null)];
        OrgUnit[] sparse = [NewUnit(1, UnitKind.District, null), NewUnit(5_000_000, UnitKind.District, null), NewUnit(5_000_000, UnitKind.District, null)];

        Assert.Throws<GridGovernanceValidationException>(() => HierarchyIndex.Build(units, [], [], D1));
        Assert.Throws<GridGovernanceValidationException>(() => HierarchyIndex.Build(sparse, [], [], D1));
        Assert.Throws<GridGovernanceValidationException>(() => HierarchyIndex.Build([NewUnit(1, UnitKind.District, null)], [NewMember(1, 1), NewMember(1, 1)], [], D1));
    }

    [Fact]
    public void Build_NodeUnderMissingOrClosedUnit_IsRefused()
    {
        var closed = NewUnit(100, UnitKind.Community, 1);
        closed.Close(D1, []);
        OrgUnit[] units = [NewUnit(1, UnitKind.District, null), closed];

        Assert.Throws<GridGovernanceValidationException>(() => HierarchyIndex.Build(units, [NewMember(1, 100)], [], D2));
        Assert.Throws<GridGovernanceValidationException>(() => HierarchyIndex.Build(units, [], [NewHousehold(1, 999)], D2));
        Assert.Throws<GridGovernanceValidationException>(() => HierarchyIndex.Build([NewUnit(10, UnitKind.Street, 1)], [], [], D2));
        Assert.Equal(2, HierarchyIndex.Build(units, [NewMember(1, 100)], [], D0).Count - 1);
    }

    [Fact]
    public void Build_CyclicParents_IsRefused()
    {
        // Streets 10 and 11 name each other as parent (a store returned inconsistent rows). Such nodes are reachable
        // from no root, so an index built over them would be wrong (and walking up from them would never end).
        var street10 = NewUnit(10, UnitKind.Street, 1);
        var street11 = NewUnit(11, UnitKind.Street, 10);
        street10.MoveTo(U(11), D1);
        OrgUnit[] units = [NewUnit(1, UnitKind.District, null), street10, street11];

        Assert.Throws<GridGovernanceValidationException>(() => HierarchyIndex.Build(units, [], [], D2));
    }

    [Fact]
    public void Build_SparseIds_BehaveLikeDenseOnes()
    {
        OrgUnit[] units =
        [
            NewUnit(7, UnitKind.District, null),
            NewUnit(2_000_000_000, UnitKind.Street, 7),
            NewUnit(1_000_000, UnitKind.Street, 7),
            NewUnit(1_500_000_000, UnitKind.Community, 1_000_000),
        ];
        Member[] members = [NewMember(900_000_000, 1_500_000_000), NewMember(3, 1_500_000_000)];
        Household[] households = [NewHousehold(2_100_000_000, 1_500_000_000)];

        var index = HierarchyIndex.Build(units, members, households, D1);

        Assert.Equal(new NodeRef[] { U(1_000_000), U(2_000_000_000) }, index.Children(U(7)));
        Assert.Equal(new NodeRef[] { M(3), M(900_000_000), H(2_100_000_000) }, index.Children(U(1_500_000_000)));
        Assert.Equal(new NodeRef[] { U(7), U(1_000_000), U(1_500_000_000), H(2_100_000_000) }, index.PathTo(H(2_100_000_000)));
        Assert.Equal(new SubtreeCounts(3, 2, 1), index.CountsUnder(U(7)));
        Assert.False(index.Contains(U(8)));
    }

    [Fact]
    public void Build_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => HierarchyIndex.Build(null!, [], [], D1));
        Assert.Throws<ArgumentNullException>(() => HierarchyIndex.Build([], null!, [], D1));
        Assert.Throws<ArgumentNullException>(() => HierarchyIndex.Build([], [], null!, D1));
        Assert.Throws<ArgumentNullException>(() => City().RollUp(null!));
    }

    [Fact]
    public void NodeRef_ConvertsAndPrints()
    {
        NodeRef unit = U(5);
        NodeRef member = M(5);
        NodeRef household = H(5);

        Assert.NotEqual(unit, member);
        Assert.Equal(U(5), unit.AsUnit());
        Assert.Equal(M(5), member.AsMember());
        Assert.Equal(H(5), household.AsHousehold());
        Assert.Throws<InvalidOperationException>(() => unit.AsMember());
        Assert.Throws<InvalidOperationException>(() => member.AsHousehold());
        Assert.Throws<InvalidOperationException>(() => household.AsUnit());
        Assert.Equal("unit:5", unit.ToString());
        Assert.Equal("member:5", member.ToString());
        Assert.Equal("household:5", household.ToString());
    }
}
