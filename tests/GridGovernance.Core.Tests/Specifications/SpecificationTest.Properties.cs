using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GridGovernance.Specifications;

namespace GridGovernance.Tests.Specifications;

public partial class SpecificationTest
{
    [Property]
    public bool Evaluate_WhereOrderThenBy_EqualsLinq(int[] items, int threshold, bool descending, bool thenDescending)
    {
        // x % 3 makes many ties, so the secondary key decides much of the order.
        var spec = Specification.Create<int>(q =>
        {
            var filtered = q.Where(x => x > threshold);
            var ordered = descending ? filtered.OrderByDescending(x => x % 3) : filtered.OrderBy(x => x % 3);
            _ = thenDescending ? ordered.ThenByDescending(x => x) : ordered.ThenBy(x => x);
        });

        var filteredLinq = items.Where(x => x > threshold);
        var orderedLinq = descending ? filteredLinq.OrderByDescending(x => x % 3) : filteredLinq.OrderBy(x => x % 3);
        var expected = thenDescending ? orderedLinq.ThenByDescending(x => x) : orderedLinq.ThenBy(x => x);

        return spec.Evaluate(items).SequenceEqual(expected);
    }

    [Property]
    public bool Evaluate_WhereOrderSkipTake_EqualsLinq(int[] items, int threshold, NonNegativeInt skip, NonNegativeInt take, bool descending)
    {
        var spec = Specification.Create<int>(q =>
        {
            var filtered = q.Where(x => x > threshold);
            var ordered = descending ? filtered.OrderByDescending(x => x % 7) : filtered.OrderBy(x => x % 7);
            ordered.ThenBy(x => x);
            q.Skip(skip.Get).Take(take.Get);
        });

        var filteredLinq = items.Where(x => x > threshold);
        var orderedLinq = descending ? filteredLinq.OrderByDescending(x => x % 7) : filteredLinq.OrderBy(x => x % 7);
        var expected = orderedLinq.ThenBy(x => x).Skip(skip.Get).Take(take.Get);

        return spec.Evaluate(items).SequenceEqual(expected);
    }

    [Property]
    public bool Evaluate_ClausesInAnyOrder_SameResult(int[] items, int threshold, NonNegativeInt skip, NonNegativeInt take)
    {
        var written = Specification.Create<int>(q => q.Where(x => x < threshold).OrderBy(x => x).Skip(skip.Get).Take(take.Get));
        var reversed = Specification.Create<int>(q =>
        {
            q.Take(take.Get);
            q.Skip(skip.Get);
            q.OrderBy(x => x);
            q.Where(x => x < threshold);
        });

        return written.Evaluate(items).SequenceEqual(reversed.Evaluate(items));
    }

    [Property]
    public bool IsSatisfiedBy_AgreesWithUnpagedEvaluate(int[] items, int threshold, PositiveInt modulus)
    {
        var spec = Specification.Create<int>(q => q.Where(x => x >= threshold).Where(x => x % modulus.Get == 0).OrderBy(x => x));

        var satisfying = items.Where(spec.IsSatisfiedBy).Order();

        return spec.Evaluate(items).SequenceEqual(satisfying);
    }

    [Property]
    public bool IsSatisfiedBy_HoldsForEveryPagedResult(int[] items, int threshold, NonNegativeInt skip, NonNegativeInt take)
    {
        var spec = Specification.Create<int>(q => q.Where(x => x != threshold).OrderByDescending(x => x).Skip(skip.Get).Take(take.Get));

        var result = spec.Evaluate(items).ToArray();
        int matches = items.Count(spec.IsSatisfiedBy);

        return result.All(spec.IsSatisfiedBy)
            && result.Length == Math.Min(take.Get, Math.Max(0, matches - skip.Get));
    }
}
