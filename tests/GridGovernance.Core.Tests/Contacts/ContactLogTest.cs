using GridGovernance.Authority;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using GridGovernance.Tests.Organisation;
using GridGovernance.Tests.Scoring.Ledger;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Contacts;

public sealed class ContactLogTest : IDisposable
{
    private static readonly MemberId M1 = new(1);
    private static readonly Actor Self = Actor.Member(M1);
    private static readonly HouseholdId H1 = new(1), H2 = new(2);
    private readonly FakeClock clock = new(Instant.FromUtc(2024, 6, 3, 2, 0));
    private readonly ServiceProvider provider;

    public ContactLogTest()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddSingleton(new ContactLogOptions { PointsItemCode = "themed-party-day" });
        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(TestActors.System, OrganisationFixture.LaiwuCity(), OrganisationFixture.D0).GetAwaiter().GetResult();
    }

    public void Dispose() => provider.Dispose();

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = provider.CreateScope();
        return await action(scope.ServiceProvider);
    }

    [Fact]
    public async Task RecordAsync_WritesTheLog_AndAVisitEarnsPointsOnce()
    {
        var book = LedgerFixture.CreateBook("contacts-book");
        var visit = new ContactRecordRequest(M1, H1, new LocalDate(2024, 6, 1), ContactKind.Visit, "  政策宣传 ");
        await InScope(sp => sp.GetRequiredService<ContactLogService>().RecordAsync(Self, visit, book));
        await InScope(sp => sp.GetRequiredService<ContactLogService>().RecordAsync(Self, visit, book));
        await InScope(sp => sp.GetRequiredService<ContactLogService>().RecordAsync(Self, visit with { Household = H2, Kind = ContactKind.Call }, book));
        var log = await InScope(sp => sp.GetRequiredService<ContactLogService>().LogOfAsync(M1, 2024));
        Assert.NotNull(log);
        Assert.Equal(3, log.Records.Count);
        Assert.Equal("政策宣传", log.Records[0].Notes);
        Assert.All(log.Records, r => Assert.Equal("member:1", r.RecordedBy));
        var entries = await InScope(sp => sp.GetRequiredService<IRepository<LedgerEntry>>().ListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(LedgerSource.ContactVisit, entry.Source);
        Assert.Equal(M1, entry.Member);
    }

    [Fact]
    public async Task RecordAsync_RefusesAFutureDate_AndNotesTooLong()
    {
        var future = new ContactRecordRequest(M1, H1, new LocalDate(2024, 6, 4), ContactKind.Visit, "");
        var ex = await Assert.ThrowsAsync<GridGovernanceException>(() => InScope(sp => sp.GetRequiredService<ContactLogService>().RecordAsync(Self, future)));
        Assert.Equal(ErrorCodes.ContactsInvalidRecord, ex.Code);
        var longNotes = future with { Date = new LocalDate(2024, 6, 3), Notes = new string('x', ContactLog.MaxNotesLength + 1) };
        var invalid = await Assert.ThrowsAsync<GridGovernanceValidationException>(() => InScope(sp => sp.GetRequiredService<ContactLogService>().RecordAsync(Self, longNotes)));
        Assert.Equal((ErrorCodes.ContactsInvalidRecord, "request.Notes"), (invalid.Code, Assert.Single(invalid.Problems).Field));
        Assert.Null(await InScope(sp => sp.GetRequiredService<ContactLogService>().LogOfAsync(M1, 2024)));
    }

    [Fact]
    public async Task RecordAsync_EitherSideOfNewYear_WritesTwoLogs_OneEachYear()
    {
        clock.Reset(Instant.FromUtc(2025, 1, 2, 2, 0));
        var service = (Func<IServiceProvider, ContactLogService>)(sp => sp.GetRequiredService<ContactLogService>());
        await InScope(sp => service(sp).RecordAsync(Self, new ContactRecordRequest(M1, H1, new LocalDate(2024, 12, 31), ContactKind.Visit, "年末走访")));
        await InScope(sp => service(sp).RecordAsync(Self, new ContactRecordRequest(M1, H2, new LocalDate(2025, 1, 1), ContactKind.Call, "新年问候")));
        await InScope(sp => service(sp).RecordAsync(Self, new ContactRecordRequest(M1, H1, new LocalDate(2025, 1, 2), ContactKind.Visit, "")));

        var log2024 = await InScope(sp => service(sp).LogOfAsync(M1, 2024));
        var log2025 = await InScope(sp => service(sp).LogOfAsync(M1, 2025));
        Assert.Equal(new ContactLogId(M1, 2024), log2024!.Id);
        Assert.Equal([H1], log2024.Records.Select(r => r.Household));
        Assert.Equal([new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 2)], log2025!.Records.Select(r => r.Date));
        Assert.Equal(1, log2024.Version);
        Assert.Equal(2, log2025.Version);

        var window = await InScope(sp => service(sp).LogsCoveringAsync(new LocalDate(2024, 12, 20), new LocalDate(2025, 1, 2)));
        Assert.Equal([2024, 2025], window.Select(l => l.Year).Order());
        Assert.Equal([2025], (await InScope(sp => service(sp).LogsCoveringAsync(new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 2)))).Select(l => l.Year));
        // The monitor reads a member's last contact across the two years' logs.
        var last = window.SelectMany(l => l.LastContacts).GroupBy(c => c.Household).ToDictionary(g => g.Key, g => g.Max(c => c.Date));
        Assert.Equal(new LocalDate(2025, 1, 2), last[H1]);
    }

    [Fact]
    public void ContactLog_RefusesAContactOfAnotherYear()
    {
        var log = ContactLog.Start(M1, 2024);

        var ex = Assert.Throws<GridGovernanceException>(() => log.Add(new ContactRecord(H1, new LocalDate(2025, 1, 1), ContactKind.Visit, "", Instant.MinValue)));

        Assert.Equal(ErrorCodes.ContactsInvalidRecord, ex.Code);
        Assert.Empty(log.Records);
        Assert.Throws<GridGovernanceValidationException>(() => ContactLog.Start(M1, 0));
    }

    [Fact]
    public void CoverageMonitor_ListsHouseholdsNotContactedInTheWindow_PerGridCommunityAndStreet()
    {
        var f = new ChainFixture(CitySize.Community, 11);
        var today = new LocalDate(2024, 6, 30);
        var households = f.Plan.Households;
        var log = ContactLog.Start(f.Plan.Links.First().Member, today.Year);
        log.Add(new ContactRecord(households[0].Id, today.PlusDays(-5), ContactKind.Visit, "", Instant.MinValue));
        log.Add(new ContactRecord(households[1].Id, today.PlusDays(-40), ContactKind.Call, "", Instant.MinValue));
        var report = ContactCoverageMonitor.Check(f.Plan, [log], f.Index, today, 30);
        Assert.Equal(today.PlusDays(-29), report.Since);
        Assert.Equal(households.Length - 1, report.NotContacted.Length);
        Assert.DoesNotContain(report.NotContacted, h => h.Household == households[0].Id);
        Assert.Equal(today.PlusDays(-40), report.NotContacted.Single(h => h.Household == households[1].Id).LastContact);
        var community = Assert.Single(report.Units, u => u.Kind == UnitKind.Community);
        Assert.Equal((households.Length, households.Length - 1), (community.Households, community.NotContacted));
        var street = Assert.Single(report.Units, u => u.Kind == UnitKind.Street);
        Assert.Equal(households.Length - 1, street.NotContacted);
        Assert.Equal(households.Length, report.Units.Where(u => u.Kind == UnitKind.GridBranch).Sum(u => u.Households));
    }

    [Fact]
    public void ContactCard_NamesTheMemberAndTheChain_Masked()
    {
        var f = new ChainFixture(CitySize.Community, 12);
        var chains = ResponsibilityChainIndex.Build(f.Index, f.Members, f.Households, f.Plan);
        var members = f.Members.ToDictionary(m => m.Id);
        var household = f.Plan.Links.First().Household;
        var card = ContactCards.For(chains, household, members);
        Assert.NotNull(card);
        var member = members[card.Member];
        Assert.Equal(f.Plan.MemberOf(household), card.Member);
        Assert.Equal(PersonalDataMasking.MaskName(member.Name), card.MemberName);
        Assert.NotEqual(member.Name, card.MemberName);
        Assert.Equal(ContactCards.ContactGroupIdOf(card.Member), card.ContactGroupId);
        Assert.Contains(card.Escalation, c => c.Kind == UnitKind.District && c.Role == RoleKind.Secretary);
        Assert.All(card.Escalation, c => Assert.NotEqual(card.Member, c.Member));
        var group = ContactCards.GroupOf(f.Plan, card.Member);
        Assert.Contains(household, group.Households);
        Assert.Equal(f.Plan.LoadOf(card.Member), group.Households.Length);
    }
}
