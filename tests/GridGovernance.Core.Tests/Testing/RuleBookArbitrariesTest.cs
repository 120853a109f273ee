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

    [Property(Arbitrary = [typeof(RuleBookArbitraries)], MaxTest = 100)]
    public bool EveryShrink_IsASmallerValidBook(RuleBook book) =>
        RuleBookArbitraries.Shrink(book).All(smaller => Measure(smaller) < Measure(book) && RuleBook.Create(smaller.Definition).Items.Length == smaller.Items.Length);

    [Fact]
    public void ShrinkingABookWhileItHasAVeto_EndsWithTheVetoAlone()
    {
        var book = Samples.Draw(RuleBookArbitraries.RuleBookGen(), 100, seed: 5, size: 80)
            .First(b => b.Items.Length >= 5 && b.Items.Any(i => i.Versions[0].Kind == ItemKind.Veto) && b.Stars.Bands.Count > 0);
        static bool HasVeto(RuleBook b) => b.Items.Any(i => i.Versions.Any(v => v.Kind == ItemKind.Veto));
        for (var next = RuleBookArbitraries.Shrink(book).FirstOrDefault(HasVeto); next is not null; next = RuleBookArbitraries.Shrink(book).FirstOrDefault(HasVeto))
        {
            book = next;
        }
        var item = Assert.Single(book.Items);
        Assert.Equal(ItemKind.Veto, Assert.Single(item.Versions).Kind);
        Assert.Single(book.Categories);
        Assert.Null(book.Categories[0].Cap);
        Assert.Empty(book.Stars.Bands);
        Assert.Empty(book.Definition.KindMultipliers);
    }

    private static int Measure(RuleBook b) =>
        b.Categories.Length + b.Categories.Count(c => c.Cap is not null) + b.Items.Sum(i => 1 + i.Versions.Count + i.Versions.Count(v => v.Cap is not null))
        + b.Stars.Bands.Count + b.Stars.NamedStars.Count + b.Stars.EventStarItems.Count + (b.Stars.VetoStarCap is null ? 0 : 1) + b.Definition.KindMultipliers.Count;

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
