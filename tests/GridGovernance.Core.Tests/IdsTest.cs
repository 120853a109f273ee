using System.Globalization;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using GridGovernance.Claims;
using GridGovernance.Scoring.Ledger;
using GridGovernance.Scoring.Rewards;
using GridGovernance.WorkOrders;

namespace GridGovernance.Tests;

/// <summary>
/// The ids are generated from one template (GridGovernance.Generators); this pins, id by id, the behaviour the
/// hand-written ids had: the range check, equality, ordering and the <c>prefix:number</c> text.
/// </summary>
public sealed class IdsTest
{
    private static readonly Dictionary<string, IdKind> Kinds = new IdKind[]
    {
        new Kind<MemberId, int>("member", v => new(v), id => id.Value),
        new Kind<OrgUnitId, int>("unit", v => new(v), id => id.Value),
        new Kind<HouseholdId, int>("household", v => new(v), id => id.Value),
        new Kind<StationedUnitId, int>("stationed-unit", v => new(v), id => id.Value),
        new Kind<LedgerEntryId, long>("ledger", v => new(v), id => id.Value),
        new Kind<RewardItemId, int>("reward", v => new(v), id => id.Value),
        new Kind<WorkOrderId, int>("workorder", v => new(v), id => id.Value),
        new Kind<ProjectId, int>("project", v => new(v), id => id.Value),
        new Kind<NeedId, int>("need", v => new(v), id => id.Value),
        new Kind<WishId, int>("wish", v => new(v), id => id.Value),
        new Kind<AreaId, int>("area", v => new(v), id => id.Value),
    }.ToDictionary(k => k.Name);

    public static TheoryData<string> Names => new(Kinds.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Table_CoversEveryGeneratedId()
    {
        // A new id must join the table, or its behaviour goes unchecked.
        var generated = typeof(MemberId).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsValueType && t.Name.EndsWith("Id", StringComparison.Ordinal) && t.GetProperty("IsSpecified") is not null && t.GetConstructors().Any(c => c.GetParameters() is [{ ParameterType: var p }] && (p == typeof(int) || p == typeof(long))))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);
        Assert.Equal(generated, Kinds.Values.Select(k => k.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void PositiveNumbers_MakeIdsThatCompareAndPrintByTheirNumber(string name) => Kinds[name].CheckValid();

    [Theory]
    [MemberData(nameof(Names))]
    public void ZeroAndNegativeNumbers_AreRefused(string name) => Kinds[name].CheckRefused();

    [Theory]
    [MemberData(nameof(Names))]
    public void Default_IsTheUnspecifiedIdZero(string name) => Kinds[name].CheckDefault();

    [Theory]
    [MemberData(nameof(Names))]
    public void NonGenericCompareTo_OrdersNullFirstAndRefusesOtherTypes(string name) => Kinds[name].CheckNonGenericCompare();

    private abstract class IdKind
    {
        public abstract string Name { get; }

        public abstract void CheckValid();

        public abstract void CheckRefused();

        public abstract void CheckDefault();

        public abstract void CheckNonGenericCompare();
    }

    private sealed class Kind<TId, TValue>(string prefix, Func<TValue, TId> create, Func<TId, TValue> value) : IdKind
        where TId : struct, IEquatable<TId>, IComparable<TId>, IComparable
        where TValue : struct, IBinaryInteger<TValue>, IMinMaxValue<TValue>
    {
        // The ids' operators are not reachable through a generic constraint without widening their public API.
        private static readonly Func<TId, TId, bool> Less = Operator("op_LessThan");
        private static readonly Func<TId, TId, bool> Greater = Operator("op_GreaterThan");
        private static readonly Func<TId, TId, bool> Equal = Operator("op_Equality");
        private static readonly Func<TId, TId, bool> NotEqual = Operator("op_Inequality");

        public override string Name => typeof(TId).Name;

        private static Arbitrary<TValue> Positive =>
            Gen.Frequency(
                    (1, Gen.Elements(TValue.One, TValue.One + TValue.One, TValue.MaxValue, TValue.MaxValue - TValue.One)),
                    (4, ArbMap.Default.GeneratorFor<long>().Select(n => TValue.CreateSaturating(long.Max(1, n == long.MinValue ? long.MaxValue : Math.Abs(n))))))
                .ToArbitrary();

        private static Arbitrary<TValue> NotPositive =>
            Gen.Frequency(
                    (1, Gen.Elements(TValue.Zero, -TValue.One, TValue.MinValue)),
                    (4, ArbMap.Default.GeneratorFor<long>().Select(n => TValue.CreateSaturating(long.Min(0, n == long.MinValue ? n : -Math.Abs(n))))))
                .ToArbitrary();

        public override void CheckValid() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Positive, Positive, (a, b) =>
            {
                TId x = create(a), y = create(b), again = create(a);
                var order = Math.Sign(a.CompareTo(b));
                return value(x) == a
                    && Is(x)
                    && x.ToString() == prefix + ":" + a.ToString(null, CultureInfo.InvariantCulture)
                    && x.Equals(again) && Equal(x, again) && x.GetHashCode() == again.GetHashCode()
                    && x.Equals(y) == (a == b) && Equal(x, y) == (a == b) && NotEqual(x, y) == (a != b)
                    && Math.Sign(x.CompareTo(y)) == order && Math.Sign(((IComparable)x).CompareTo(y)) == order
                    && Less(x, y) == (a < b) && Greater(x, y) == (a > b);
            }));

        public override void CheckRefused() =>
            Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(NotPositive, n =>
            {
                var e = Assert.Throws<ArgumentOutOfRangeException>(() => create(n));
                var max = TValue.MaxValue.ToString(null, CultureInfo.InvariantCulture);
                var number = n.ToString(null, CultureInfo.InvariantCulture);
                return e.ParamName == "value"
                    && Equals(e.ActualValue, long.CreateChecked(n))
                    && e.Message.StartsWith($"value must be between 1 and {max} inclusive; it was {number}.", StringComparison.Ordinal);
            }));

        public override void CheckDefault()
        {
            var none = default(TId);
            Assert.Equal(TValue.Zero, value(none));
            Assert.False(Is(none));
            Assert.Equal(prefix + ":0", none.ToString());
            Assert.True(Less(none, create(TValue.One)));
        }

        public override void CheckNonGenericCompare()
        {
            IComparable id = create(TValue.One);
            Assert.Equal(1, id.CompareTo(null));
            Assert.Equal(0, id.CompareTo(create(TValue.One)));
            var e = Assert.Throws<ArgumentException>(() => id.CompareTo(1));
            Assert.Equal("obj", e.ParamName);
            Assert.StartsWith($"Cannot compare a {typeof(TId).Name} with a Int32.", e.Message, StringComparison.Ordinal);
        }

        private static bool Is(TId id) => (bool)typeof(TId).GetProperty("IsSpecified")!.GetValue(id)!;

        private static Func<TId, TId, bool> Operator(string name) =>
            typeof(TId).GetMethod(name, [typeof(TId), typeof(TId)])!.CreateDelegate<Func<TId, TId, bool>>();
    }
}
