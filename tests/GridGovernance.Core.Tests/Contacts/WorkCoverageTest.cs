using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Tests.Organisation;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using static GridGovernance.Tests.Organisation.OrganisationFixture;

namespace GridGovernance.Tests.Contacts;

/// <summary>
/// Work coverage (工作覆盖) through contacts, derived from the library's data (issue 13): an in-service member registered
/// for their stationed unit (双报到 with a workplace) who logs a contact reaches that unit.
/// </summary>
public sealed class WorkCoverageTest : IDisposable
{
    private static readonly LocalDate Registered = new(2024, 3, 1);
    private readonly OrganisationFixture city = new(); // today: 2024-06-01

    public void Dispose() => city.Dispose();

    /// <summary>
    /// The Laiwu city, a firm (R2, no party organisation, community 101) and member 3 (在职党员) registered with community
    /// 101 for the firm from 1 March; member 5 registered with community 100 for no stationed unit. Member 3 logs a visit
    /// on 10 February (before the registration) and on 10 May; member 5 on 10 May.
    /// </summary>
    private async Task SeedAsync()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, new StationedUnitDraft(R(2), "物业公司", StationedUnitKind.PrivateFirm, U(101), 20, 1), D0));
        await city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(3), U(101), new Validity(Registered), R(2)));
        await city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(5), U(100), new Validity(Registered)));
        await LogAsync(3, 6, new LocalDate(2024, 2, 10));
        await LogAsync(3, 6, new LocalDate(2024, 5, 10));
        await LogAsync(5, 1, new LocalDate(2024, 5, 10));
    }

    private Task<ContactRecord> LogAsync(int member, int household, LocalDate day) =>
        city.InScopeAsync(sp => sp.GetRequiredService<ContactLogService>().RecordAsync(Actor.Member(M(member)), new ContactRecordRequest(M(member), H(household), day, ContactKind.Visit, "走访")));

    private Task<CoverageReport> CoverageAsync(LocalDate day, int window = StationedUnitContacts.DefaultWindowDays) =>
        city.InScopeAsync(sp => sp.GetRequiredService<WorkCoverageQueries>().ComputeCoverageAsync(day, window));

    [Fact]
    public async Task AContactByAMemberRegisteredForTheUnit_ReachesIt_OnlyWhileRegisteredAndWithinTheWindow()
    {
        await SeedAsync();

        var february = await CoverageAsync(new LocalDate(2024, 2, 20)); // a contact, but before the registration
        var beforeMay = await CoverageAsync(new LocalDate(2024, 5, 9));
        var may = await CoverageAsync(new LocalDate(2024, 5, 20));
        var shortWindow = await CoverageAsync(new LocalDate(2024, 5, 20), window: 10); // 11–20 May: the visit of the 10th is out
        var tenDays = await CoverageAsync(new LocalDate(2024, 5, 19), window: 10); // 10–19 May: in

        Assert.Equal((0, 1), (february.StationedUnitsReachedByContact, february.WorkCoveredStationedUnits)); // only the covered hospital
        Assert.Equal(0, beforeMay.StationedUnitsReachedByContact);
        Assert.Equal((1, 2, 2), (may.StationedUnitsReachedByContact, may.WorkCoveredStationedUnits, may.StationedUnits));
        Assert.Equal(1.0, may.WorkCoverageRate);
        Assert.Equal(0.5, may.PartyOrganisationCoverageRate);
        Assert.Equal(0, shortWindow.StationedUnitsReachedByContact);
        Assert.Equal(1, tenDays.StationedUnitsReachedByContact);
        var reached = await city.InScopeAsync(sp => sp.GetRequiredService<WorkCoverageQueries>().StationedUnitsReachedAsync(new LocalDate(2024, 5, 20)));
        Assert.Equal([R(2)], reached);
    }

    [Fact]
    public async Task TheComputedReach_EqualsTheCallerSuppliedOverload_WithTheSameUnits()
    {
        await SeedAsync();
        var day = new LocalDate(2024, 5, 20);

        var computed = await CoverageAsync(day);
        var supplied = await city.QueryAsync(q => q.ComputeCoverageAsync(day, [R(2)]));

        Assert.Equal(supplied, computed with { GridsOutsideBand = supplied.GridsOutsideBand });
        Assert.Equal(supplied.GridsOutsideBand, computed.GridsOutsideBand);
    }

    [Fact]
    public async Task RegisteringForAStationedUnitNotRegisteredThatDay_IsRefused_AndNothingChanges()
    {
        await city.SeedLaiwuAsync();
        await city.RunAsync(s => s.AddStationedUnitAsync(TestActors.System, new StationedUnitDraft(R(2), "物业公司", StationedUnitKind.PrivateFirm, U(101), 20, 1), D2));
        var before = await city.FingerprintAsync();

        var early = await Assert.ThrowsAsync<GridGovernanceException>(() => city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(3), U(101), new Validity(D1), R(2))));
        await Assert.ThrowsAsync<EntityNotFoundException>(() => city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(3), U(101), new Validity(D2), R(9))));
        var gridHead = Actor.Post(M(2), RoleKind.GridHead, U(1000)); // no post over member 3's branch 1001
        await Assert.ThrowsAsync<ForbiddenException>(() => city.RunAsync(s => s.RegisterDualAsync(gridHead, M(3), U(101), new Validity(D2), R(2))));

        Assert.Equal(ErrorCodes.NotOnRoster, early.Code);
        Assert.Equal(before, await city.FingerprintAsync());
        var member = await city.RunAsync(s => s.RegisterDualAsync(TestActors.System, M(3), U(101), new Validity(D2), R(2)));
        Assert.Equal(R(2), Assert.Single(member.DualRegistrations).Workplace);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(StationedUnitContacts.MaxWindowDays + 1)]
    public async Task AWindowOutOfRange_IsRefusedNamingIt(int window)
    {
        await city.SeedLaiwuAsync();

        var refused = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => CoverageAsync(D2, window));
        var pure = Assert.Throws<GridGovernanceValidationException>(() => StationedUnitContacts.ReachedOn([], [], D2, window));

        Assert.Equal(("windowDays", ErrorCodes.OutOfRange), (refused.Problems.Single().Field, refused.Problems.Single().Rule));
        Assert.Equal("windowDays", pure.Problems.Single().Field);
    }

    /// <summary>
    /// Over random registrations and contact days: the reach does not depend on the order of members or logs, a longer
    /// window reaches every unit a shorter one does, and a unit is reached exactly when a registered member's contact
    /// falls in the window on a registered day (the rule, checked record by record).
    /// </summary>
    [Property(MaxTest = 60)]
    public bool Reach_IsOrderFree_MonotoneInTheWindow_AndFollowsTheRule((byte Workplace, byte Start, byte Length, byte[] ContactDays)[] rows, byte window)
    {
        var year = new LocalDate(2024, 1, 1);
        var members = new List<Member>();
        var logs = new List<ContactLog>();
        var expected = new HashSet<StationedUnitId>();
        var asOf = year.PlusDays(200);
        int days = 1 + window % 120;
        int id = 1;
        foreach (var (workplace, start, length, contactDays) in (rows ?? []).Take(8))
        {
            var member = Member.Create(new MemberDraft(M(id), $"党员{id}", MemberKind.InService, Joined, U(1000)), year);
            var validity = new Validity(year.PlusDays(start), year.PlusDays(start + 1 + length));
            var unit = R(1 + workplace % 3);
            member.RegisterWith(U(100), validity, workplace % 4 == 3 ? null : unit);
            var log = ContactLog.Start(M(id), 2024);
            foreach (var day in (contactDays ?? []).Take(5).Select(d => year.PlusDays(d)))
            {
                log.Add(new ContactRecord(H(1), day, ContactKind.Visit, "", Instant.FromUtc(2024, 1, 1, 0, 0)));
                if (workplace % 4 != 3 && validity.Contains(day) && day <= asOf && day > asOf.PlusDays(-days))
                {
                    expected.Add(unit);
                }
            }
            members.Add(member);
            logs.Add(log);
            id++;
        }

        var reached = StationedUnitContacts.ReachedOn(members, logs, asOf, days);
        var reversed = StationedUnitContacts.ReachedOn(Enumerable.Reverse(members), Enumerable.Reverse(logs), asOf, days);
        var longer = StationedUnitContacts.ReachedOn(members, logs, asOf, days + 30);
        return reached.SetEquals(expected) && reversed.SetEquals(reached) && reached.IsSubsetOf(longer);
    }
}
