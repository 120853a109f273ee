using System.Collections.Immutable;
using GridGovernance.EntityFrameworkCore.Documents;

namespace GridGovernance.EntityFrameworkCore.Tests.Documents;

/// <summary>
/// The first documents of a type written from several threads at once are all whole: no thread sees the type's shape
/// before its fields are read (it wrote "{}" while another thread was still building the shape).
/// </summary>
public sealed class AggregateDocumentConcurrencyTest
{
    [Fact]
    public async Task FirstDocumentsOfATypeFromManyThreads_AreAllWhole()
    {
        var value = new Outer(7, "名字", [new Inner(1, [new Inner(2, [])])]);
        using var start = new ManualResetEventSlim();

        var writers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.Wait();
            return AggregateDocument.Serialize(value);
        })).ToArray();
        start.Set();
        var documents = await Task.WhenAll(writers);

        var expected = AggregateDocument.Serialize(value);
        Assert.Contains("\"number\":7", expected, StringComparison.Ordinal);
        Assert.Contains("\"depth\":2", expected, StringComparison.Ordinal);
        Assert.All(documents, d => Assert.Equal(expected, d));
    }

    // Types no other test writes, so their shapes are built by this test; Inner refers to itself through a collection.
    private sealed class Outer(int number, string name, ImmutableArray<Inner> children)
    {
        private readonly int number = number;
        private readonly string name = name;
        private readonly ImmutableArray<Inner> children = children;

        public override string ToString() => $"{number} {name} {children.Length}";
    }

    private sealed class Inner(int depth, ImmutableArray<Inner> children)
    {
        private readonly int depth = depth;
        private readonly ImmutableArray<Inner> children = children;

        public override string ToString() => $"{depth} {children.Length}";
    }
}
