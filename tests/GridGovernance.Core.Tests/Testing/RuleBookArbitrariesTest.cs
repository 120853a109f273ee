using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Scoring;
using GridGovernance.Testing;

namespace GridGovernance.Tests.Testing;

public sealed class RuleBookArbitrariesTest
{
    [Property(MaxTest = 200)]
    public Property Create_AcceptsEveryGeneratedDefinition() =>
        Prop.ForAll(RuleBookArbitraries.DefinitionGen().ToArbitrary(), definition =>
        {
            var book = RuleBook.Create(definition);
            return book.Items.Length == definition.Items.Count && book.Categories.Length == definition.Categories.Count;
        });

    [Property(Arbitrary = [typeof(RuleBookArbitraries)], MaxTest = 100)]
    public bool EveryBook_RoundTripsThroughJson(RuleBook book)
    {
        string json = RuleBookJson.Serialize(book);
        return RuleBookJson.Serialize(RuleBookJson.Read(json)) == json;
    }

    [Fact]
    public void Books_CoverEveryItemKind_BothCapModes_VersionChanges_AndStars()
    {
        var books = Samples.Draw(RuleBookArbitraries.RuleBookGen(), 300, seed: 7);
        var versions = books.SelectMany(b => b.Items).SelectMany(i => i.Versions).ToList();
        Assert.All(Enum.GetValues<ItemKind>(), kind => Assert.Contains(versions, v => v.Kind == kind));
        var caps = books.SelectMany(b => b.Categories.Select(c => c.Cap)).Concat(versions.Select(v => v.Cap)).OfType<PointsCap>().ToList();
        Assert.Contains(caps, c => c.Mode == CapMode.Clip);
        Assert.Contains(caps, c => c.Mode == CapMode.Refuse);
        Assert.Contains(books, b => b.Items.Any(i => i.Versions.Count > 1));
        Assert.Contains(books, b => b.Stars.Bands.Count > 0 && b.Stars.NamedStars.Count > 0);
        Assert.Contains(books, b => b.Definition.KindMultipliers.Count > 0);
        Assert.Contains(versions, v => v.EligibleKinds.Count > 0);
    }

    [Fact]
    public void ClipOnlyBooks_HaveNoRefuseCap()
    {
        var books = Samples.Draw(RuleBookArbitraries.ClipOnlyRuleBookGen(), 200, seed: 3);
        var caps = books.SelectMany(b => b.Categories.Select(c => c.Cap).Concat(b.Items.SelectMany(i => i.Versions).Select(v => v.Cap))).OfType<PointsCap>().ToList();
        Assert.NotEmpty(caps);
        Assert.All(caps, c => Assert.Equal(CapMode.Clip, c.Mode));
    }

    [Fact]
    public void Samples_AreDeterministicBySeed()
    {
        string Ids(int seed) => string.Join("|", Samples.Draw(RuleBookArbitraries.RuleBookGen(), 20, seed).Select(b => RuleBookJson.Serialize(b)));
        Assert.Equal(Ids(11), Ids(11));
        Assert.NotEqual(Ids(11), Ids(12));
    }
}
