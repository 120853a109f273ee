using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using GridGovernance.Organisation;
using GridGovernance.Scoring;
using NodaTime;
using static GridGovernance.Tests.Scoring.RuleBookSamples;

namespace GridGovernance.Tests.Scoring;

public sealed partial class RuleBookJsonTest
{
    [Fact]
    public void ExampleFile_LoadsAsAValidLaiwuRuleBook()
    {
        var book = RuleBookJson.Read(File.ReadAllText(ExamplePath()));

        Assert.Equal("laiwu-2024", book.Id);
        Assert.Equal(
            ["themed-party-day", "study", "volunteer-service", "household-contact", "resident-requests", "project-claims", "conduct"],
            book.Categories.Select(c => c.Code));
        Assert.Equal(12, book.Stars.NamedStars.Count);
        Assert.Equal(5, book.Stars.Bands.Count);
        Assert.Equal(0, book.Stars.VetoStarCap);
        Assert.Equal(["themed-party-day-attendance", "request-solved"], book.Stars.EventStarItems);

        var dues = book.VersionOn(book.IndexOfItem("party-dues"), January1)!;
        Assert.Equal(Points.From(1.25m), dues.Points);
        Assert.Equal(new PointsCap(Points.From(15), CapMode.Clip), dues.Cap);
        int online = book.IndexOfItem("online-study");
        Assert.Equal(Points.From(0.5m), book.VersionOn(online, new LocalDate(2024, 6, 30))!.Points);
        Assert.Equal(Points.From(1), book.VersionOn(online, July1)!.Points);
        var petition = book.VersionOn(book.IndexOfItem("petition-escalated"), January1)!;
        Assert.Equal(["-0.5", "-1", "-2", "-5"], petition.Tiers.Select(t => t.Points.ToString()));
        var shortfall = book.VersionOn(book.IndexOfItem("themed-party-day-shortfall"), January1)!;
        Assert.Equal(new ThresholdRule("themed-party-day-attendance", 12, 0.8m), shortfall.Threshold);
        var doneWell = book.VersionOn(book.IndexOfItem("contact-done-well"), January1)!;
        Assert.Equal((ItemKind.Discretionary, Points.From(1), Points.From(5)), (doneWell.Kind, doneWell.Minimum!.Value, doneWell.Maximum!.Value));
        Assert.Equal(ItemKind.Veto, book.VersionOn(book.IndexOfItem("disciplinary-sanction"), January1)!.Kind);
        Assert.Equal(Points.From(20), book.VersionOn(book.IndexOfItem("law-abiding-base"), January1)!.Points);
        Assert.Contains(book.Categories, c => c.Cap?.Mode == CapMode.Refuse);
        Assert.Equal(1.0m, book.MultiplierFor(MemberKind.Mobile));
    }

    [Fact]
    public void ExampleFile_IsInCanonicalForm()
    {
        // The example shows exactly what Serialize writes, so readers of the docs see the real format.
        string text = File.ReadAllText(ExamplePath()).ReplaceLineEndings("\n").TrimEnd('\n');

        Assert.Equal(text, RuleBookJson.Serialize(RuleBookJson.ReadDefinition(text)));
    }

    [Fact]
    public void Serialize_ThenRead_GivesAnEquivalentDefinitionAndTheSameText()
    {
        var definition = EveryKind();

        string json = RuleBookJson.Serialize(definition);
        var read = RuleBookJson.ReadDefinition(json);

        Assert.True(Equivalent(definition, read), json);
        Assert.Equal(json, RuleBookJson.Serialize(read));
        Assert.Equal(json, RuleBookJson.Serialize(RuleBookJson.Read(json)));
    }

    [Fact]
    public void Serialize_WritesCamelCaseMembersEnumStringsIsoDatesAndExactPoints()
    {
        using var document = JsonDocument.Parse(RuleBookJson.Serialize(EveryKind()));
        var root = document.RootElement;

        Assert.Equal("sample-2024", root.GetProperty("id").GetString());
        Assert.Equal(3, root.GetProperty("version").GetInt32());
        var items = root.GetProperty("items");
        var online = items[2].GetProperty("versions");
        Assert.Equal("2024-07-01", online[1].GetProperty("effectiveFrom").GetString());
        Assert.Equal("fixed", online[1].GetProperty("kind").GetString());
        Assert.Equal(["mobile", "inService"], online[1].GetProperty("eligibleKinds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("0.5", online[0].GetProperty("points").GetRawText());
        Assert.Equal("1.25", items[5].GetProperty("versions")[0].GetProperty("points").GetRawText());
        Assert.Equal("-20", items[6].GetProperty("versions")[0].GetProperty("points").GetRawText());
        Assert.Equal("automaticGrant", items[4].GetProperty("versions")[0].GetProperty("kind").GetString());
        Assert.Equal("20", items[4].GetProperty("versions")[0].GetProperty("points").GetRawText());
        Assert.Equal("refuse", items[5].GetProperty("versions")[0].GetProperty("cap").GetProperty("mode").GetString());
        Assert.Equal("15", items[5].GetProperty("versions")[0].GetProperty("cap").GetProperty("limit").GetRawText());
        Assert.Equal("0.8", items[1].GetProperty("versions")[0].GetProperty("threshold").GetProperty("minimumRatio").GetRawText());
        Assert.Equal("county", items[8].GetProperty("versions")[0].GetProperty("tiers")[0].GetProperty("code").GetString());
        Assert.Equal(["longResident", "inService"], root.GetProperty("kindMultipliers").EnumerateObject().Select(p => p.Name));
        Assert.Equal("1.2", root.GetProperty("kindMultipliers").GetProperty("inService").GetRawText());
        var stars = root.GetProperty("stars");
        Assert.Equal("60.5", stars.GetProperty("bands")[2].GetProperty("minimumScore").GetRawText());
        Assert.Equal("categoryTotal", stars.GetProperty("namedStars")[0].GetProperty("criterion").GetProperty("kind").GetString());
        Assert.Equal(10, stars.GetProperty("namedStars")[1].GetProperty("criterion").GetProperty("minimumCount").GetInt32());
        Assert.Equal(0, stars.GetProperty("vetoStarCap").GetInt32());
    }

    [Fact]
    public void Serialize_LeavesOutMembersThatHoldTheirDefault()
    {
        using var document = JsonDocument.Parse(RuleBookJson.Serialize(EveryKind()));
        var root = document.RootElement;
        var attendance = root.GetProperty("items")[0].GetProperty("versions")[0];

        Assert.Equal(["effectiveFrom", "kind", "points", "cap"], attendance.EnumerateObject().Select(p => p.Name));
        Assert.False(root.GetProperty("categories")[0].TryGetProperty("cap", out _));
        var veto = root.GetProperty("items")[9].GetProperty("versions")[0];
        Assert.Equal(["effectiveFrom", "kind"], veto.EnumerateObject().Select(p => p.Name));
        var criterion = root.GetProperty("stars").GetProperty("namedStars")[0].GetProperty("criterion");
        Assert.Equal(["kind", "code", "minimumTotal"], criterion.EnumerateObject().Select(p => p.Name));

        string empty = RuleBookJson.Serialize(new RuleBookDefinition { Id = "e", Name = "空" });
        Assert.Equal("{\n  \"id\": \"e\",\n  \"version\": 1,\n  \"name\": \"空\",\n  \"stars\": {}\n}", empty);
    }

    [Fact]
    public void Serialize_KeepsChineseReadableAndEscapesWhatJsonNeeds()
    {
        var definition = new RuleBookDefinition { Id = "q", Name = "莱芜 \"分类积分\" <细则> \\ 1–5分" };

        string json = RuleBookJson.Serialize(definition);

        Assert.Contains("莱芜", json);
        Assert.Contains("1–5分", json);
        Assert.Equal(definition.Name, RuleBookJson.ReadDefinition(json).Name);
    }

    [Fact]
    public void Serialize_IsTheSameWhateverTheOrderMultipliersWereAddedIn()
    {
        var forward = new RuleBookDefinition { Id = "m", Name = "m", KindMultipliers = new Dictionary<MemberKind, decimal> { [MemberKind.LongResident] = 1m, [MemberKind.Mobile] = 1.5m } };
        var backward = forward with { KindMultipliers = new Dictionary<MemberKind, decimal> { [MemberKind.Mobile] = 1.5m, [MemberKind.LongResident] = 1m } };

        Assert.Equal(RuleBookJson.Serialize(forward), RuleBookJson.Serialize(backward));
    }

    [Fact]
    public void Serialize_Book_IsTheSerializationOfItsDefinition()
    {
        var definition = EveryKind();

        Assert.Equal(RuleBookJson.Serialize(definition), RuleBookJson.Serialize(RuleBook.Create(definition)));
    }

    [Fact]
    public void Read_PointsWithTrailingZeros_AreWrittenWithout()
    {
        const string json = """{ "id": "z", "name": "z", "stars": { "bands": [ { "stars": 1, "minimumScore": 30.500 } ] } }""";

        var definition = RuleBookJson.ReadDefinition(json);

        Assert.Equal(Points.From(30.5m), definition.Stars.Bands[0].MinimumScore);
        Assert.Contains("\"minimumScore\": 30.5\n", RuleBookJson.Serialize(definition));
    }

    [Fact]
    public async Task StreamOverloads_MatchTheStringOnes()
    {
        var definition = EveryKind();
        string json = RuleBookJson.Serialize(definition);

        using var written = new MemoryStream();
        RuleBookJson.Serialize(definition, written);
        Assert.Equal(json, Encoding.UTF8.GetString(written.ToArray()));
        using var writtenAsync = new MemoryStream();
        await RuleBookJson.SerializeAsync(definition, writtenAsync);
        Assert.Equal(json, Encoding.UTF8.GetString(writtenAsync.ToArray()));

        Assert.Equal(json, RuleBookJson.Serialize(RuleBookJson.ReadDefinition(new MemoryStream(Encoding.UTF8.GetBytes(json)))));
        Assert.Equal(json, RuleBookJson.Serialize(RuleBookJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)))));
        Assert.Equal(json, RuleBookJson.Serialize(await RuleBookJson.ReadDefinitionAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)))));
        Assert.Equal(json, RuleBookJson.Serialize(await RuleBookJson.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)))));
    }

    [Fact]
    public async Task NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => RuleBookJson.Serialize((RuleBook)null!));
        Assert.Throws<ArgumentNullException>(() => RuleBookJson.Serialize((RuleBookDefinition)null!));
        Assert.Throws<ArgumentNullException>(() => RuleBookJson.Serialize(EveryKind(), null!));
        Assert.Throws<ArgumentNullException>(() => RuleBookJson.ReadDefinition((string)null!));
        Assert.Throws<ArgumentNullException>(() => RuleBookJson.ReadDefinition((Stream)null!));
        Assert.Throws<ArgumentNullException>(() => RuleBookJson.Read((string)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => RuleBookJson.ReadAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => RuleBookJson.SerializeAsync(EveryKind(), null!));
    }

    /// <summary>Finds docs/examples/laiwu-rulebook.json from the folder holding GridGovernance.Core.sln.</summary>
    private static string ExamplePath([CallerFilePath] string sourceFile = "")
    {
        // Test binaries may be built outside the repository (--artifacts-path); the source file's folder is the fallback.
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile), Directory.GetCurrentDirectory() })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GridGovernance.Core.sln")))
                {
                    return Path.Combine(dir.FullName, "docs", "examples", "laiwu-rulebook.json");
                }
            }
        }
        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds GridGovernance.Core.sln.");
    }

    /// <summary>Whether two definitions hold the same rules, comparing lists element by element.</summary>
    internal static bool Equivalent(RuleBookDefinition a, RuleBookDefinition b) =>
        a.Id == b.Id && a.Version == b.Version && a.Name == b.Name
        && a.Categories.SequenceEqual(b.Categories)
        && a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => Equivalent(p.First, p.Second))
        && a.KindMultipliers.Select(p => (p.Key, p.Value)).Order().SequenceEqual(b.KindMultipliers.Select(p => (p.Key, p.Value)).Order())
        && a.Stars.Bands.SequenceEqual(b.Stars.Bands)
        && a.Stars.NamedStars.SequenceEqual(b.Stars.NamedStars)
        && a.Stars.EventStarItems.SequenceEqual(b.Stars.EventStarItems)
        && a.Stars.VetoStarCap == b.Stars.VetoStarCap;

    private static bool Equivalent(RuleItem a, RuleItem b) =>
        a.Code == b.Code && a.Category == b.Category && a.Name == b.Name
        && a.Versions.Count == b.Versions.Count && a.Versions.Zip(b.Versions).All(p => Equivalent(p.First, p.Second));

    private static bool Equivalent(RuleItemVersion a, RuleItemVersion b) =>
        a.EffectiveFrom == b.EffectiveFrom && a.Kind == b.Kind && a.Points == b.Points
        && a.Minimum == b.Minimum && a.Maximum == b.Maximum && a.Cap == b.Cap
        && a.OncePerPeriod == b.OncePerPeriod && a.DoubleAfterReminder == b.DoubleAfterReminder
        && a.EligibleKinds.SequenceEqual(b.EligibleKinds) && a.Tiers.SequenceEqual(b.Tiers) && a.Threshold == b.Threshold;
}
