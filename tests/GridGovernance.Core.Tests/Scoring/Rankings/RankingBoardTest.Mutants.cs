using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rankings;
using static GridGovernance.Tests.Scoring.Stars.StarsRankingsBook;

namespace GridGovernance.Tests.Scoring.Rankings;

/// <summary>
/// What the mutation run on <see cref="RankingBoard"/> showed no test guarding: the null and unknown-scope refusals of
/// every overload (with their field and message), ranking a publication within a scope, input that is not in member-id
/// order (ties must still go by member id), publications whose lines do not match their item codes, and a negative list
/// set to <c>null</c>.
/// </summary>
public sealed partial class RankingBoardTest
{
    /// <summary>A publication of <paramref name="result"/> whose stored form <paramref name="change"/> altered, as storage could hand it back.</summary>
    private static PublishedResults Published(AssessmentResult result, Func<global::GridGovernance.Persistence.PublishedResultsStoredForm, global::GridGovernance.Persistence.PublishedResultsStoredForm>? change = null)
    {
        var form = PublishedResults.Of(result).ToStoredForm();
        return PublishedResults.FromStoredForm(change is null ? form : change(form));
    }

    /// <summary>The same result with its members listed in another order.</summary>
    private static AssessmentResult Reordered(AssessmentResult result, IEnumerable<int> positions) =>
        new(result.RuleBook, result.Period, [.. positions.Select(p => result.Members[p])], result.EntriesOutsidePeriod, result.EntriesOfUnknownMembers);

    private static PublishedResults PublishedReordered(AssessmentResult result, IEnumerable<int> positions) =>
        Published(result, f => f with { Results = [.. positions.Select(p => f.Results[p])] });

    // ---- null and unknown arguments ---------------------------------------------------------------------------------

    [Fact]
    public void EveryOverload_NullArgument_NamesTheParameter()
    {
        var result = CityResult();
        var index = City();
        var published = Published(result);

        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => RankingBoard.Rank(null!)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => RankingBoard.Rank(null!, index, Grid1000)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(() => RankingBoard.Rank(result, null!, Grid1000)).ParamName);
        Assert.Equal("result", Assert.Throws<ArgumentNullException>(() => RankingBoard.RankUnits(null!, index, [Grid1000])).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(() => RankingBoard.RankUnits(result, null!, [Grid1000])).ParamName);
        Assert.Equal("units", Assert.Throws<ArgumentNullException>(() => RankingBoard.RankUnits(result, index, (IEnumerable<OrgUnitId>)null!)).ParamName);
        Assert.Equal("published", Assert.Throws<ArgumentNullException>(() => RankingBoard.RankPublication(null!)).ParamName);
        Assert.Equal("published", Assert.Throws<ArgumentNullException>(() => RankingBoard.RankPublication(null!, index, Grid1000)).ParamName);
        Assert.Equal("index", Assert.Throws<ArgumentNullException>(() => RankingBoard.RankPublication(published, null!, Grid1000)).ParamName);
    }

    [Fact]
    public void RankPublication_ScopeNotInTheIndex_IsRefused_NamingTheScope()
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.RankPublication(Published(CityResult()), City(), new OrgUnitId(4242)));
        var fromRank = Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.Rank(CityResult(), City(), new OrgUnitId(4242)));

        Assert.Equal("scope", e.ParamName);
        // The same refusal as Rank's for the same mistake.
        Assert.Equal(ErrorCodes.UnknownKey, e.Code);
        Assert.Equal(fromRank.Code, e.Code);
        Assert.Contains("unit:4242 is not in the hierarchy index as of 2024-06-01", e.Message);
    }

    // ---- a publication ranked within a scope -------------------------------------------------------------------------

    [Fact]
    public void RankPublication_Scoped_ListsOnlyTheMembersWithinTheScope()
    {
        var published = Published(CityResult()); // members 1–5 score 10, 30, 20, 40, 50; member 5 is not in the index
        var index = City();

        var community = RankingBoard.RankPublication(published, index, Community100);
        var grid = RankingBoard.RankPublication(published, index, Grid1000);

        Assert.Equal([2, 3, 1], Members(community.Rows));
        Assert.Equal([1, 2, 3], community.Rows.Select(r => r.Rank));
        Assert.All(community.Rows, r => Assert.Equal(3, r.ScopeCount));
        Assert.Equal(Community100, community.Scope);
        Assert.Equal([2, 1], Members(grid.Rows));
        Assert.Equal([4, 2, 3, 1], Members(RankingBoard.RankPublication(published, index, new OrgUnitId(1)).Rows));
        // The same rows as ranking the assessment within the scope.
        Assert.Equal(RankingBoard.Rank(CityResult(), index, Community100).Rows.ToArray(), community.Rows.ToArray());
    }

    [Fact]
    public void RankPublication_Scoped_NoBottomLine_FlagsVetoedOnly_GivenRulesApply()
    {
        // Grid 1000: member 1 scores 10, member 2 is vetoed (20 − 5 = 15); member 3 is on grid 1001, outside the scope.
        var result = Assess(
            [Subject(1, 1000), Subject(2, 1000), Subject(3, 1001)],
            EntriesForScore(1, 10).Concat(EntriesForScore(2, 20)).Concat(Times(2, SeriousViolation, 1)).Concat(EntriesForScore(3, 1)));
        var published = Published(result);
        var index = City();

        var vetoOnly = RankingBoard.RankPublication(published, index, Grid1000);
        var withFloor = RankingBoard.RankPublication(published, index, Grid1000, new BottomLineRules { Floor = Points.From(12) });

        Assert.Equal([2], Members(vetoOnly.Flagged()));
        Assert.Equal(BottomLineFlags.Vetoed, vetoOnly[new MemberId(2)].Flags);
        Assert.Equal(BottomLineFlags.None, vetoOnly[new MemberId(1)].Flags);
        Assert.Equal(BottomLineFlags.BelowFloor, withFloor[new MemberId(1)].Flags);
        Assert.Equal([1, 2], withFloor.Flagged().Select(r => r.Member.Value).Order());
    }

    // ---- input not in member-id order ---------------------------------------------------------------------------------

    [Theory]
    [InlineData(new[] { 2, 1, 0 })] // descending ids
    [InlineData(new[] { 2, 0, 1 })] // ids 3, 1, 2: one ascending pair out of two
    [InlineData(new[] { 1, 0, 2 })] // ids 2, 1, 3
    [InlineData(new[] { 0, 2, 1 })] // ids 1, 3, 2
    public void Rank_InputNotInIdOrder_TiesStillByMemberId(int[] positions)
    {
        var result = WithScores([7, 7, 7]);

        var ranking = RankingBoard.Rank(Reordered(result, positions));
        var fromPublication = RankingBoard.RankPublication(PublishedReordered(result, positions));

        Assert.Equal([1, 2, 3], Members(ranking.Rows));
        Assert.Equal([1, 1, 1], ranking.Rows.Select(r => r.Rank));
        Assert.Equal([1, 2, 3], Members(fromPublication.Rows));
        Assert.Equal([1, 2, 3], fromPublication.Rows.Select(r => r.Position));
    }

    [Fact]
    public void Rank_InputNotInIdOrder_TiesAmongDifferentScores()
    {
        // Members 1–5 score 20, 30, 20, 10, 20, listed 5, 4, 3, 2, 1.
        var result = WithScores([20, 30, 20, 10, 20]);
        int[] backwards = [4, 3, 2, 1, 0];

        Assert.Equal([2, 1, 3, 5, 4], Members(RankingBoard.Rank(Reordered(result, backwards)).Rows));
        Assert.Equal([2, 1, 3, 5, 4], Members(RankingBoard.RankPublication(PublishedReordered(result, backwards)).Rows));
        Assert.Equal([1, 2, 2, 2, 5], RankingBoard.RankPublication(PublishedReordered(result, backwards)).Rows.Select(r => r.Rank));
    }

    [Property(Arbitrary = new[] { typeof(RankingProperties.RankingArbitraries) }, MaxTest = 100)]
    public bool Rank_AShuffledInput_EqualsRanking_TheSortedInput(RankingProperties.RankingScenario scenario, int seed)
    {
        var result = scenario.Assess();
        int[] shuffled = [.. Enumerable.Range(0, result.Count)];
        new Random(seed).Shuffle(shuffled);
        var rules = new BottomLineRules { Floor = Points.From(5), NegativeListItems = ["violation"] };

        var sorted = RankingBoard.Rank(result, rules).Rows;
        var fromShuffled = RankingBoard.Rank(Reordered(result, shuffled), rules).Rows;
        var fromShuffledPublication = RankingBoard.RankPublication(PublishedReordered(result, shuffled), rules).Rows;

        return fromShuffled.SequenceEqual(sorted) && fromShuffledPublication.SequenceEqual(sorted);
    }

    // ---- publications whose lines do not fit their item codes ----------------------------------------------------------

    [Fact]
    public void RankPublication_NegativeList_ALineWithTheWrongNumberOfItemCounts_IsRefused()
    {
        var published = Published(WithScores([3, 4]), f => f with { Results = [f.Results[0], f.Results[1] with { ItemCounts = [1, 0] }] });

        var e = Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.RankPublication(published, new BottomLineRules { NegativeListItems = ["violation"] }));

        Assert.Equal("published", e.ParamName);
        Assert.Contains($"The line of member:2 in {published.Id} has 2 item counts for 5 items.", e.Message);
    }

    [Fact]
    public void RankPublication_NoNegativeList_DoesNotReadTheItemCounts()
    {
        // A line without item counts (as published before lines kept them) ranks by score when no negative list is asked for.
        var published = Published(WithScores([3, 4]), f => f with { Results = [f.Results[0] with { ItemCounts = [] }, f.Results[1]] });

        var ranking = RankingBoard.RankPublication(published, new BottomLineRules { Floor = Points.From(4) });

        Assert.Equal([2, 1], Members(ranking.Rows));
        Assert.Equal(BottomLineFlags.BelowFloor, ranking[new MemberId(1)].Flags);
        Assert.Equal(0, ranking[new MemberId(1)].NegativeListHits);
    }

    [Fact]
    public void RankPublication_PublishedBeforeLinesKeptItemCounts_RanksWithoutANegativeList()
    {
        var published = Published(WithScores([3, 4]), f => f with { ItemCodes = [], Results = [.. f.Results.Select(r => r with { ItemCounts = [] })] });

        Assert.Equal([2, 1], Members(RankingBoard.RankPublication(published).Rows));
        Assert.Equal([2, 1], Members(RankingBoard.RankPublication(published, new BottomLineRules { NegativeListItems = [] }).Rows));
    }

    [Fact]
    public void RankPublication_PublishedBeforeLinesKeptItemCounts_NegativeList_IsRefused()
    {
        var published = Published(WithScores([3, 4]), f => f with { ItemCodes = [], Results = [.. f.Results.Select(r => r with { ItemCounts = [] })] });

        var e = Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.RankPublication(published, new BottomLineRules { NegativeListItems = ["violation"] }));

        Assert.Equal("bottomLine", e.ParamName);
        Assert.Contains($"{published.Id} was published before published lines kept their item counts, so a negative list cannot be read from it; revise the publication.", e.Message);
    }

    [Theory]
    [InlineData("no-such-item")]
    [InlineData(null)]
    public void RankPublication_NegativeListCodeNotInThePublication_IsRefused(string? code)
    {
        var published = Published(WithScores([3, 4]));

        var e = Assert.Throws<GridGovernanceValidationException>(() => RankingBoard.RankPublication(published, new BottomLineRules { NegativeListItems = [code!] }));

        Assert.Equal("bottomLine", e.ParamName);
        Assert.Contains($"The negative list names item '{code}', which the rule book 'stars-test' of {published.Id} does not define.", e.Message);
    }

    // ---- a negative list set to null ------------------------------------------------------------------------------------

    [Fact]
    public void BottomLine_NegativeListSetToNull_IsAnEmptyList()
    {
        var result = Assess([Subject(1), Subject(2)], EntriesForScore(1, 10).Concat(Times(2, Violation, 2)).Concat(Times(2, SeriousViolation, 1)));
        var rules = new BottomLineRules { Floor = Points.From(5), NegativeListItems = null! };

        var ranking = RankingBoard.Rank(result, rules);
        var fromPublication = RankingBoard.RankPublication(Published(result), rules);

        Assert.Equal(BottomLineFlags.BelowFloor | BottomLineFlags.Vetoed, ranking[new MemberId(2)].Flags);
        Assert.Equal(0, ranking[new MemberId(2)].NegativeListHits);
        Assert.Equal(ranking.Rows.ToArray(), fromPublication.Rows.ToArray());
    }
}
