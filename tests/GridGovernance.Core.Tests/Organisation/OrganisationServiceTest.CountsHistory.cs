using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Organisation;
using NodaTime;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Organisation;

/// <summary>A stationed unit's staff and member counts (在职党员) with history (issue 13): as-of reads, events, validation.</summary>
public partial class OrganisationServiceTest
{
    [Fact]
    public async Task Counts_AsOfAPastDate_KeepThatDatesFigures_AndSingleOwnBaseFollowsThem()
    {
        await city.SeedLaiwuAsync(); // the hospital: 200 staff, 30 members from D0, its own branch
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System,
            new StationedUnitDraft(R(2), "物业公司", StationedUnitKind.PrivateFirm, U(101), 20, 2), D0));
        var d1Before = await city.QueryAsync(s => s.ComputeCoverageAsync(D1));

        // From D2 the firm has three members (eligible for its own branch), and the hospital only two.
        var firm = await city.RunAsync(s => s.UpdateStationedUnitCountsAsync(TestActors.System, R(2), 25, 3, D2));
        await city.RunAsync(s => s.UpdateStationedUnitCountsAsync(TestActors.System, R(1), 180, 2, D2));
        var d1After = await city.QueryAsync(s => s.ComputeCoverageAsync(D1));
        var d2 = await city.QueryAsync(s => s.ComputeCoverageAsync(D2));

        Assert.Equal(d1Before with { GridsOutsideBand = d1After.GridsOutsideBand }, d1After);
        Assert.Equal((1, 1), (d1After.StationedUnitsEligibleForOwnOrganisation, d1After.StationedUnitsWithOwnOrganisation)); // the hospital then
        Assert.Equal((1, 0), (d2.StationedUnitsEligibleForOwnOrganisation, d2.StationedUnitsWithOwnOrganisation)); // the firm, which has none
        Assert.Equal(new StationedUnitCounts(20, 2), firm.CountsOn(D1));
        Assert.Equal(new StationedUnitCounts(25, 3), firm.CountsOn(D2));
        Assert.Equal(new StationedUnitCounts(0, 0), firm.CountsOn(D0.PlusDays(-1)));
        Assert.Equal((25, 3), (firm.Headcount, firm.MemberCount));
        Assert.Equal([D0, D2], firm.CountsHistory.Segments.Select(s => s.From));
        Assert.Equal(new StationedUnitCountsChanged(R(2), 25, 3, D2), Assert.Single(firm.DomainEvents));
        var hospital = await city.StationedUnitAsync(1);
        Assert.Equal(new StationedUnitCounts(200, 30), hospital.CountsOn(D1));
        Assert.Equal(new StationedUnitCounts(180, 2), hospital.CountsOn(D3));
    }

    [Theory]
    [InlineData(-1, 0, "headcount")]
    [InlineData(10, -1, "memberCount")]
    [InlineData(10, 11, "memberCount")]
    public async Task Counts_OutOfRange_AreRefusedNamingTheField_AndNothingChanges(int headcount, int memberCount, string field)
    {
        await city.SeedLaiwuAsync();
        var before = await city.StationedUnitAsync(1);

        var refused = await Assert.ThrowsAsync<GridGovernanceValidationException>(() =>
            city.RunAsync(s => s.UpdateStationedUnitCountsAsync(TestActors.System, R(1), headcount, memberCount, D2)));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal((field, ErrorCodes.OutOfRange), (problem.Field, problem.Rule));
        var after = await city.StationedUnitAsync(1);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.CountsHistory.Segments, after.CountsHistory.Segments);
    }

    [Fact]
    public async Task Counts_BeforeTheLastChange_AreRefusedAsRetroactive_AndAnOutsiderIsForbidden()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.UpdateStationedUnitCountsAsync(TestActors.System, R(1), 190, 25, D2));
        var before = await city.StationedUnitAsync(1);

        var retro = await Assert.ThrowsAsync<GridGovernanceException>(() => city.RunAsync(s => s.UpdateStationedUnitCountsAsync(TestActors.System, R(1), 150, 20, D1)));
        var gridHead = Actor.Post(M(2), RoleKind.GridHead, U(1000));
        await Assert.ThrowsAsync<ForbiddenException>(() => city.RunAsync(s => s.UpdateStationedUnitCountsAsync(gridHead, R(1), 150, 20, D3)));
        var unknown = await Assert.ThrowsAsync<EntityNotFoundException>(() => city.RunAsync(s => s.UpdateStationedUnitCountsAsync(TestActors.System, R(99), 1, 0, D3)));

        Assert.Equal(ErrorCodes.RetroactiveChange, retro.Code);
        Assert.Contains("2024-06-01", retro.Message);
        var after = await city.StationedUnitAsync(1);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(new StationedUnitCounts(190, 25), after.CountsOn(D3));
        Assert.NotNull(unknown);
    }

    [Fact]
    public async Task Counts_Unchanged_WriteNothing()
    {
        await city.SeedLaiwuAsync();
        var before = await city.StationedUnitAsync(1);

        var same = await city.RunAsync(s => s.UpdateStationedUnitCountsAsync(TestActors.System, R(1), 200, 30, D2));

        Assert.Empty(same.DomainEvents);
        Assert.Equal(before.Version, (await city.StationedUnitAsync(1)).Version);
    }

    /// <summary>
    /// Random updates (some out of range, some back-dated) against a model of dated counts: an accepted update holds
    /// from its day (a same-day one replaces that day's), a refused one changes nothing, and no day before an update's
    /// effective day ever reads differently afterwards.
    /// </summary>
    [Property(MaxTest = 80)]
    public bool Counts_PastDaysNeverChange_AndRefusedUpdatesChangeNothing((sbyte Shift, sbyte Headcount, sbyte Members)[] updates)
    {
        var start = new LocalDate(2024, 1, 1);
        var unit = StationedUnit.Create(new StationedUnitDraft(R(1), "单位", StationedUnitKind.Organ, U(100), 10, 3), start);
        var model = new List<(LocalDate From, StationedUnitCounts Counts)> { (start, new StationedUnitCounts(10, 3)) };
        StationedUnitCounts Expected(LocalDate day) => model.LastOrDefault(m => m.From <= day).Counts ?? new StationedUnitCounts(0, 0);
        var days = Enumerable.Range(-3, 200).Select(start.PlusDays).ToList();
        var day = start;
        foreach (var (shift, headcount, members) in updates ?? [])
        {
            var effective = day.PlusDays(shift % 20); // sometimes back-dated
            var pastBefore = days.Where(d => d < effective).Select(unit.CountsOn).ToList();
            var segmentsBefore = unit.CountsHistory.Segments;
            bool valid = headcount >= 0 && members >= 0 && members <= headcount;
            bool inOrder = effective >= model[^1].From;
            try
            {
                unit.UpdateCounts(headcount, members, effective);
                if (!valid || !inOrder)
                {
                    return false;
                }
                if (model[^1].From == effective)
                {
                    model.RemoveAt(model.Count - 1);
                }
                if (model.Count == 0 || model[^1].Counts != new StationedUnitCounts(headcount, members))
                {
                    model.Add((effective, new StationedUnitCounts(headcount, members)));
                }
                day = effective;
            }
            catch (GridGovernanceValidationException) when (!valid)
            {
                if (!segmentsBefore.SequenceEqual(unit.CountsHistory.Segments))
                {
                    return false;
                }
            }
            catch (GridGovernanceException e) when (valid && !inOrder && e.Code == ErrorCodes.RetroactiveChange)
            {
                if (!segmentsBefore.SequenceEqual(unit.CountsHistory.Segments))
                {
                    return false;
                }
            }
            if (!days.Where(d => d < effective).Select(unit.CountsOn).SequenceEqual(pastBefore) || !days.All(d => unit.CountsOn(d) == Expected(d)))
            {
                return false;
            }
        }
        return (unit.Headcount, unit.MemberCount) == (model[^1].Counts.Headcount, model[^1].Counts.MemberCount);
    }
}
