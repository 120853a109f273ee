using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.EntityFrameworkCore.Documents;
using GridGovernance.Organisation;
using GridGovernance.Persistence;
using GridGovernance.Scoring.Rewards;
using GridGovernance.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GridGovernance.EntityFrameworkCore.Tests.Forms;

/// <summary>
/// The stored-form contract (docs/storage.md, "How an aggregate is stored"): each aggregate's current form writes exactly
/// its golden file, every older golden version still reads into an equal aggregate, a value missing from a document is
/// an error naming it, a newer version is refused, and a form built in code is checked before it becomes an aggregate.
/// </summary>
public sealed class StoredFormTests
{
    private static readonly string Golden = Path.Combine(AppContext.BaseDirectory, "Forms", "Golden");

    public static TheoryData<string> Names => StoredFormSamples.Names;

    [Fact]
    public void EveryBuiltInAggregate_HasAFormAndASample()
    {
        Assert.Equal(19, StoredForms.All.Count);
        Assert.Equal(StoredForms.All.Select(f => f.AggregateType.Name).Order(), StoredFormSamples.All.Keys.Order());
        Assert.All(StoredForms.All, f => Assert.Same(f, StoredForms.For(f.AggregateType)));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void TheCurrentForm_WritesExactlyTheGoldenFileOfItsVersion(string name)
    {
        var form = StoredFormSamples.FormOf(name);
        string document = AggregateDocument.Serialize(form.Restore(StoredFormSamples.All[name]));
        string path = Path.Combine(Golden, $"{name}.v{form.Version}.json");

        Assert.True(File.Exists(path), $"No golden file {name}.v{form.Version}.json: a new form version needs one (GoldenWriter).");
        var golden = JsonNode.Parse(File.ReadAllText(path))!;
        var written = JsonNode.Parse(document)!;
        Assert.True(JsonNode.DeepEquals(golden, written),
            $"{name}'s form no longer writes its golden file: a value was renamed, dropped or added without a new version and an upgrade step.\nWritten: {document}");
        Assert.StartsWith($"{{\"v\":{form.Version},", document, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryGoldenVersion_ReadsIntoAnEqualAggregate(string name)
    {
        var form = StoredFormSamples.FormOf(name);
        string expected = AggregateDocument.Serialize(form.Restore(StoredFormSamples.All[name]));

        for (int version = form.OldestReadableVersion; version <= form.Version; version++)
        {
            string path = Path.Combine(Golden, $"{name}.v{version}.json");
            Assert.True(File.Exists(path), $"No golden file for {name} version {version}.");
            var aggregate = AggregateDocument.Deserialize(form.AggregateType, File.ReadAllText(path));
            Assert.Equal(expected, AggregateDocument.Serialize(aggregate));
        }
        // The unit ledger was first stored with explicit forms; every other aggregate also reads the old serialiser's documents.
        Assert.Equal(name is "UnitLedgerEntry" or "UnitPublication" ? 1 : 0, form.OldestReadableVersion);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void AValueMissingFromADocument_IsAnErrorNamingIt(string name)
    {
        var form = StoredFormSamples.FormOf(name);
        var golden = JsonNode.Parse(File.ReadAllText(Path.Combine(Golden, $"{name}.v{form.Version}.json")))!.AsObject();

        foreach (var (property, _) in golden.Where(p => p.Key != StoredForm.VersionProperty))
        {
            var document = golden.DeepClone().AsObject();
            document.Remove(property);

            var error = Assert.Throws<GridGovernanceValidationException>(() => AggregateDocument.Deserialize(form.AggregateType, document.ToJsonString()));

            Assert.Equal(ErrorCodes.StoredFormInvalid, error.Code);
            Assert.Contains($"'{property}'", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NullWhereTheFormSaysNonNull_IsAnErrorNamingTheValue()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Golden, "Member.v1.json")))!.AsObject();
        document["Name"] = null;

        var error = Assert.Throws<GridGovernanceValidationException>(() => AggregateDocument.Deserialize(typeof(Member), document.ToJsonString()));

        Assert.Equal(ErrorCodes.StoredFormInvalid, error.Code);
        Assert.Contains("Name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentOfANewerVersion_IsRefused()
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Golden, "Household.v1.json")))!.AsObject();
        document["v"] = 2;

        var error = Assert.Throws<GridGovernanceException>(() => AggregateDocument.Deserialize(typeof(Household), document.ToJsonString()));

        Assert.Equal(ErrorCodes.StoredFormVersionUnknown, error.Code);
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFormBuiltInCode_IsCheckedBeforeItBecomesAnAggregate()
    {
        var missingName = Assert.Throws<GridGovernanceValidationException>(() => StoredForms.Member.Restore(StoredFormSamples.Member with { Name = null! }));
        var defaultRoles = Assert.Throws<GridGovernanceValidationException>(() => StoredForms.Member.Restore(StoredFormSamples.Member with { Roles = default }));
        var brokenRule = Assert.Throws<GridGovernanceValidationException>(() => StoredForms.OrgUnit.Restore(StoredFormSamples.OrgUnit with { Kind = UnitKind.Community }));

        Assert.Contains("MemberStoredForm.Name", missingName.Message, StringComparison.Ordinal);
        Assert.Contains("MemberStoredForm.Roles", defaultRoles.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorCodes.StoredFormInvalid, brokenRule.Code);
        Assert.Contains("kind history", brokenRule.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restore_KeepsTheStoredVersion_AndRaisesNoEvents()
    {
        var unit = StoredForms.OrgUnit.Restore(StoredFormSamples.OrgUnit, version: 7);

        Assert.Equal(7, unit.Version);
        Assert.Empty(unit.DomainEvents);
        Assert.Equal(AggregateDocument.Serialize(unit), AggregateDocument.Serialize(StoredForms.OrgUnit.Restore(StoredForms.OrgUnit.ToForm(unit), 3)));
    }

    [Fact]
    public void UpgradeSteps_MustBeOnePerVersion_EndingAtTheCurrentOne()
    {
        var identity = new StoredFormUpgrade(0, d => d);

        var gap = Assert.Throws<GridGovernanceValidationException>(() => new StoredForm<RewardItem, RewardItemStoredForm>(
            3, StoredForms.RewardItem.ToForm, f => StoredForms.RewardItem.Restore(f), identity, new StoredFormUpgrade(2, d => d)));
        var form = new StoredForm<RewardItem, RewardItemStoredForm>(2, StoredForms.RewardItem.ToForm, f => StoredForms.RewardItem.Restore(f),
            new StoredFormUpgrade(1, d =>
            {
                d["Name"] = "renamed " + (string?)d["Title"];
                d.Remove("Title");
                return d;
            }));

        Assert.Contains("one per version step", gap.Message, StringComparison.Ordinal);
        var upgraded = form.Upgrade(new JsonObject { ["v"] = 1, ["Title"] = "大米" });
        Assert.Equal(2, StoredForm.VersionOf(upgraded));
        Assert.Equal("renamed 大米", (string?)upgraded["Name"]);
        Assert.Equal("v", upgraded.First().Key);
        Assert.Throws<GridGovernanceException>(() => form.Upgrade(new JsonObject { ["Title"] = "version 0" }));
    }

    [Property(MaxTest = 15)]
    public Property RoundTrip_AggregateToFormToJsonAndBack_IsTheIdentity() =>
        Prop.ForAll(HierarchyArbitraries.City(), city =>
        {
            using var services = city.CreateServicesAsync().GetAwaiter().GetResult();
            using var scope = services.CreateScope();
            var aggregates = new List<IAggregateRoot>();
            aggregates.AddRange(scope.ServiceProvider.GetRequiredService<IReadRepository<OrgUnit>>().ListAsync().GetAwaiter().GetResult());
            aggregates.AddRange(scope.ServiceProvider.GetRequiredService<IReadRepository<Member>>().ListAsync().GetAwaiter().GetResult());
            aggregates.AddRange(scope.ServiceProvider.GetRequiredService<IReadRepository<Household>>().ListAsync().GetAwaiter().GetResult());
            return aggregates.All(a =>
            {
                var form = StoredForms.For(a.GetType())!;
                string json = AggregateDocument.Serialize(a);
                var back = form.Restore(AggregateDocument.ReadForm(form, json), a.Version);
                return AggregateDocument.Serialize(back) == json && back.Version == a.Version && back.GetType() == a.GetType();
            }).Label($"{aggregates.Count} aggregates");
        });

    [Fact]
    public async Task AnAggregateOfYourOwn_IsStoredThroughTheFormItDeclares()
    {
        using var database = TestDatabase.Sqlite();
        await using var services = Build(s => s.AddGridGovernanceEntityFrameworkCore(o => database.Use(o)
            .Map<Note>(m => m.ToTable("Notes").StoredAs(Note.Form))));
        Assert.True(await GridGovernanceDatabase.EnsureCreatedAsync(services));
        await using (var scope = services.CreateAsyncScope())
        {
            var notes = scope.ServiceProvider.GetRequiredService<IRepository<Note>>();
            await notes.AddAsync(new Note(new RewardItemId(5), "一张便条"));
            await notes.SaveChangesAsync();
        }

        await using var read = services.CreateAsyncScope();
        var stored = await read.ServiceProvider.GetRequiredService<IReadRepository<Note>>().GetByIdAsync(new RewardItemId(5));

        Assert.Equal("一张便条", stored!.Text);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public void AnAggregateOfYourOwnWithoutAForm_IsRefusedWhenTheStoreIsAdded_NamingIt()
    {
        using var database = TestDatabase.Sqlite();

        var error = Assert.Throws<NotSupportedException>(() => Build(s => s.AddGridGovernanceEntityFrameworkCore(o => database.Use(o).Map<Formless>(m => m.ToTable("Formless")))));

        Assert.Contains("Formless has no stored form", error.Message, StringComparison.Ordinal);
        Assert.Contains("StoredAs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLibrarysAggregates_KeepTheirOwnForms()
    {
        var error = Assert.Throws<NotSupportedException>(() => new GridGovernanceStoreOptions()
            .Map<RewardItem>(m => m.StoredAs(new StoredForm<RewardItem, RewardItemStoredForm>(1, StoredForms.RewardItem.ToForm, f => StoredForms.RewardItem.Restore(f)))));

        Assert.Contains("StoredForms.RewardItem", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Action<IServiceCollection> store)
    {
        var collection = new ServiceCollection();
        store(collection);
        collection.AddGridGovernance();
        return collection.BuildServiceProvider();
    }

    /// <summary>An integrator's aggregate with its own stored form.</summary>
    public sealed class Note(RewardItemId id, string text) : AggregateRoot<RewardItemId>(id)
    {
        public string Text { get; } = text;

        public static StoredForm<Note, NoteForm> Form { get; } = new(1, n => new NoteForm(n.Id, n.Text), f => new Note(f.Id, f.Text));
    }

    /// <summary>The note's stored form.</summary>
    public sealed record NoteForm(RewardItemId Id, string Text);

    public sealed class Formless(RewardItemId id) : AggregateRoot<RewardItemId>(id);
}
