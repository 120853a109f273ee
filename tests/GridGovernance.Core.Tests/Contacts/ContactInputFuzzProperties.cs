using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Authority;
using GridGovernance.Contacts;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Testing;
using GridGovernance.Tests.Organisation;
using GridGovernance.Tests.Scoring.Ledger;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace GridGovernance.Tests.Contacts;

/// <summary>
/// Fuzzing the contact inputs (issue 14): the contact planner's households, members and options, and the contact log's
/// records (hostile notes, members, households, kinds, dates, with points configured). Each call either succeeds with a
/// result the validators accept, or is refused with the library's exception naming its fields; a refused record writes
/// nothing, neither in the log nor on the ledger.
/// </summary>
public sealed class ContactInputFuzzProperties : IDisposable
{
    private static readonly OrgUnitId C1 = new(1), C2 = new(2), G11 = new(11), G12 = new(12), G21 = new(21);
    private static readonly LocalDate Today = new(2024, 6, 3);
    private static readonly RuleBook Book = LedgerFixture.CreateBook("contacts-book");
    private readonly ServiceProvider provider;

    public ContactInputFuzzProperties()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2024, 6, 3, 2, 0)));
        services.AddSingleton(new ContactLogOptions { PointsItemCode = "themed-party-day", KindsEarningPoints = [ContactKind.Visit, ContactKind.Call] });
        services.AddGridGovernance(o => o.Schema = HierarchySchemas.Laiwu);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrganisationService>().ImportAsync(TestActors.System, OrganisationFixture.LaiwuCity(), OrganisationFixture.D0).GetAwaiter().GetResult();
    }

    public void Dispose() => provider.Dispose();

    [Property(MaxTest = 100)]
    public Property Plan_HostileRows_PlanOrAreRefusedWithAField() =>
        Prop.ForAll(PlanInputGen().ToArbitrary(), input =>
        {
            ContactPlan? plan = null;
            var e = Record.Exception(() => plan = ContactPlanEngine.Plan(input.Households, input.Members, input.Options));
            if (e is not null)
            {
                return HostileInputs.IsLibraryRefusal(e) ? true : throw new Xunit.Sdk.XunitException($"{e.GetType().Name}: {e.Message} for {input}");
            }
            // The plan of an accepted input: distinct known ids, known locations, defined kinds; every household linked to a
            // member of its community within capacity, or listed as uncovered.
            var members = input.Members.ToDictionary(m => m.Id);
            return input.Households.All(h => h.Id.IsSpecified && h.Location.IsKnown) && input.Members.All(m => m.Id.IsSpecified && m.Location.IsKnown && Enum.IsDefined(m.Kind))
                   && plan!.CoveredCount + plan.Uncovered.Length == input.Households.Length
                   && plan.Links.All(l => members[l.Member].Community == input.Households.Single(h => h.Id == l.Household).Community)
                   && input.Members.All(m => plan.LoadOf(m.Id) <= (input.Options ?? ContactPlanOptions.Default).CapacityOf(m.Kind));
        });

    [Property(MaxTest = 80)]
    public Property Record_HostileContacts_AreWrittenValidOrRefusedWithAField_WritingNothing() =>
        Prop.ForAll(RecordGen().ToArbitrary(), request =>
        {
            string outcome = RecordOutcome(request);
            return outcome.StartsWith("bug", StringComparison.Ordinal) ? throw new Xunit.Sdk.XunitException(outcome + " for " + Show(request)) : true;
        });

    [Fact]
    public void TheFuzzedContacts_GetThrough_AndAreRefused()
    {
        var outcomes = RecordGen().Sample(150).Select(RecordOutcome).ToList();
        Assert.All(outcomes, o => Assert.DoesNotContain("bug", o, StringComparison.Ordinal));
        Assert.Contains("written", outcomes);
        Assert.Contains("refused", outcomes);
    }

    [Fact]
    public void LogsCovering_FromAfterTo_IsAReversedRange_NamingTo()
    {
        var e = Assert.Throws<GridGovernanceValidationException>(() =>
            InScope(sp => sp.GetRequiredService<ContactLogService>().LogsCoveringAsync(Today, Today.PlusDays(-1))));

        Assert.Equal(("to", ErrorCodes.ReversedRange), (Assert.Single(e.Problems).Field, e.Code));
    }

    [Fact]
    public void Record_WhosePointsAreRefused_WritesNoContactEither()
    {
        // Member 1 joined the roster on 2024-01-01: a visit of 2023 earns points the ledger refuses, so the visit is not written.
        var before = Fingerprint();
        var e = Assert.ThrowsAny<GridGovernanceException>(() => InScope(sp => sp.GetRequiredService<ContactLogService>()
            .RecordAsync(Actor.Member(new MemberId(1)), new ContactRecordRequest(new MemberId(1), new HouseholdId(1), new LocalDate(2023, 6, 9), ContactKind.Visit, "走访"), Book)));

        Assert.Equal(ErrorCodes.NotOnRoster, e.Code);
        Assert.Equal(before, Fingerprint());
        Assert.Null(InScope(sp => sp.GetRequiredService<ContactLogService>().LogOfAsync(new MemberId(1), 2023)));
    }

    private string RecordOutcome(ContactRecordRequest request)
    {
        string before = Fingerprint();
        var actor = request.Member.IsSpecified ? Actor.Member(request.Member) : Actor.System("contacts");
        ContactRecord? record = null;
        var e = Record.Exception(() => record = InScope(sp => sp.GetRequiredService<ContactLogService>().RecordAsync(actor, request, Book)));
        string after = Fingerprint();
        if (e is not null)
        {
            return !HostileInputs.IsLibraryRefusal(e) ? $"bug: {e.GetType().Name}: {e.Message}"
                : before != after ? "bug: refused but wrote " + e.Message
                : "refused";
        }
        bool valid = record is not null && record.Household == request.Household && record.Date == request.Date && record.Date <= Today
                     && Enum.IsDefined(record.Kind)
                     && InputPolicy.CheckText(record.Notes, "Notes", null, ContactLog.MaxNotesLength, required: false, freeText: true) is null;
        return !valid ? "bug: an invalid record " + record : before == after ? "bug: nothing written" : "written";
    }

    private T InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = provider.CreateScope();
        return action(scope.ServiceProvider).GetAwaiter().GetResult();
    }

    /// <summary>Every contact log and ledger entry with its version: equal fingerprints mean nothing was written.</summary>
    private string Fingerprint() => InScope(async sp =>
    {
        var logs = await sp.GetRequiredService<IReadRepository<ContactLog>>().ListAsync();
        var entries = await sp.GetRequiredService<IReadRepository<LedgerEntry>>().ListAsync();
        return string.Join("\n", logs.Select(l => $"{l.Id} v{l.Version} {l.Records.Count}").Concat(entries.Select(e => $"{e.Id} v{e.Version}")).Order(StringComparer.Ordinal));
    });

    private static Gen<ContactRecordRequest> RecordGen() =>
        from member in Gen.Frequency((6, Gen.Elements(new MemberId(1), new MemberId(2), new MemberId(3))), (1, Gen.Elements(default(MemberId), new MemberId(4242))))
        from household in Gen.Frequency((6, Gen.Elements(new HouseholdId(1), new HouseholdId(2), new HouseholdId(4))), (1, Gen.Elements(default(HouseholdId), new HouseholdId(4242))))
        from date in Gen.Frequency((1, HostileInputs.Dates(Today)), (2, Gen.Choose(-150, 0).Select(Today.PlusDays)))
        from kind in HostileInputs.EnumValues<ContactKind>()
        from notes in Gen.Frequency((3, HostileInputs.Strings()), (1, Gen.Constant(new string('记', ContactLog.MaxNotesLength + 1))), (1, Gen.Constant<string>(null!)))
        select new ContactRecordRequest(member, household, date, kind, notes);

    private static string Show(ContactRecordRequest r) =>
        $"{r.Member} {r.Household} {r.Date:yyyy-MM-dd} {r.Kind} notes={(r.Notes is null ? "null" : r.Notes.Length > 30 ? r.Notes.Length + " chars" : string.Concat(r.Notes.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString())))}";

    /// <summary>A planner input: households and members over two communities, and options.</summary>
    public sealed record PlanInput(ContactHousehold[] Households, ContactMember[] Members, ContactPlanOptions? Options)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"households [{string.Join(", ", Households.Select(h => $"{h.Id}/{h.Community}/{h.Grid}/{h.Location}"))}], "
            + $"members [{string.Join(", ", Members.Select(m => $"{m.Id}/{m.Community}/{m.Grid}/{(int)m.Kind}/{m.Location}"))}], {Options}";
    }

    private static Gen<PlanInput> PlanInputGen()
    {
        var unit = Gen.Frequency((8, Gen.Elements(C1, C2)), (1, Gen.Constant(default(OrgUnitId))));
        var grid = Gen.Frequency((8, Gen.Elements(G11, G12, G21)), (1, Gen.Constant(default(OrgUnitId))));
        var households = Gen.Choose(0, 12).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i =>
            from id in Gen.Frequency((10, Gen.Constant(new HouseholdId(i + 1))), (1, Gen.Elements(default(HouseholdId), new HouseholdId(1))))
            from community in unit
            from g in grid
            from location in HostileInputs.Locations()
            select new ContactHousehold(id, community, g, location)));
        var members = Gen.Choose(0, 6).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n), i =>
            from id in Gen.Frequency((10, Gen.Constant(new MemberId(i + 1))), (1, Gen.Elements(default(MemberId), new MemberId(1))))
            from community in unit
            from g in grid
            from kind in HostileInputs.EnumValues<MemberKind>()
            from location in HostileInputs.Locations()
            select new ContactMember(id, community, g, kind, location)));
        var options = Gen.Frequency(
            (3, Gen.Constant((ContactPlanOptions?)null)),
            (2, from capacity in HostileInputs.Ints()
                from penalty in HostileInputs.Ints()
                from candidates in HostileInputs.Ints()
                from bonus in HostileInputs.Ints()
                from cross in Gen.Elements(false, true)
                from kind in HostileInputs.EnumValues<MemberKind>()
                select (ContactPlanOptions?)(ContactPlanOptions.Default with
                {
                    Capacities = ContactPlanOptions.Default.Capacities.SetItem(kind, capacity),
                    CrossGridPenaltyMetres = penalty,
                    CandidatesPerHousehold = candidates,
                    KeepBonusMetres = bonus,
                    AllowCrossGrid = cross,
                })));
        return from h in households from m in members from o in options select new PlanInput(h, m, o);
    }
}
